
(function () {
  "use strict";
  // Everything from the articles is text: it only ever goes into textContent, option labels and
  // vis-network's plain-string tooltips, never into innerHTML.
  const data = @@DATA@@;
  const byId = (id) => document.getElementById(id);
  byId("heading").textContent = data.title;
  byId("left-out").textContent = data.leftOut ? "Left out: " + data.leftOut + "." : "";

  const shownKinds = new Set(data.legend.map((entry) => entry.kind));
  const shownEdgeKinds = new Set(data.edgeKinds.map((entry) => entry.kind));
  let outlet = "", article = "", relation = "";

  function checkbox(parent, value, text, colour, onChange) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", () => onChange(box.checked));
    label.appendChild(box);
    if (colour) {
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colour;
      label.appendChild(swatch);
    }
    label.appendChild(document.createTextNode(text));
    parent.appendChild(label);
  }
  function toggle(set, value) { return (on) => { on ? set.add(value) : set.delete(value); refresh(); }; }
  for (const entry of data.legend) {
    checkbox(byId("classes"), entry.kind, entry.kind, entry.colour, toggle(shownKinds, entry.kind));
  }
  for (const entry of data.edgeKinds) {
    checkbox(byId("edge-kinds"), entry.kind, entry.label, null, toggle(shownEdgeKinds, entry.kind));
  }
  function option(select, value, text) {
    const item = document.createElement("option");
    item.value = value;
    item.textContent = text;
    select.appendChild(item);
  }
  const outlets = [...new Set(data.articles.map((a) => a.outlet).filter(Boolean))].sort();
  outlets.forEach((name) => option(byId("outlet"), name, name));
  data.articles.forEach((a, index) => option(byId("article"), String(index), a.headline + (a.outlet ? " (" + a.outlet + ")" : "")));
  const relations = [...new Set(data.edges.filter((e) => e.kind === "relation").map((e) => e.label))].sort();
  relations.forEach((name) => option(byId("relation"), name, name));
  byId("relation").addEventListener("change", (event) => { relation = event.target.value; refresh(); });
  byId("outlet").addEventListener("change", (event) => { outlet = event.target.value; refresh(); });
  byId("article").addEventListener("change", (event) => { article = event.target.value; refresh(); });

  function fromChosenSource(item) {
    if (!outlet && !article) return true;
    return item.articles.some((index) =>
      (!article || String(index) === article) && (!outlet || data.articles[index].outlet === outlet));
  }
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const nodeView = new vis.DataView(nodes, { filter: (node) => shownKinds.has(node.kind) && fromChosenSource(node) });
  const edgeView = new vis.DataView(edges, { filter: (edge) =>
    shownEdgeKinds.has(edge.kind) && (!relation || edge.label === relation && edge.kind === "relation") &&
    fromChosenSource(edge) && nodeView.get(edge.from) !== null && nodeView.get(edge.to) !== null });
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    byId("counts").textContent = nodeView.length + " of " + nodes.length + " nodes, " +
      edgeView.length + " of " + edges.length + " edges shown";
  }
  refresh();

  const network = new vis.Network(byId("graph"), { nodes: nodeView, edges: edgeView }, data.options);
  window.network = network;

  function showDetails(rows) {
    const list = byId("details");
    list.replaceChildren();
    for (const [term, text] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = text;
      list.append(dt, dd);
    }
  }
  network.on("click", (event) => {
    if (event.nodes.length) showDetails(nodes.get(event.nodes[0]).info);
    else if (event.edges.length) {
      const edge = edges.get(event.edges[0]);
      showDetails(edge.info || [["Link", edge.title]]);
    }
  });

  const names = new Map();
  for (const node of data.nodes) {
    for (const name of node.names) if (!names.has(name)) names.set(name, node.id);
    if (node.names.length) option(byId("names"), node.label, "");
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showDetails(nodes.get(id).info);
  }
  byId("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const wanted = byId("search").value.trim().toLowerCase();
    let id = names.get(wanted);
    if (id === undefined && wanted) {
      const match = data.nodes.find((node) => node.names.some((name) => name.includes(wanted)));
      id = match && match.id;
    }
    if (id === undefined || id === null) {
      byId("search-note").textContent = "Nothing named like that.";
    } else if (nodeView.get(id) === null) {
      byId("search-note").textContent = "Hidden by the filters below.";
    } else {
      byId("search-note").textContent = "";
      focusNode(id);
    }
  });

  function ready() {
    if (data.focus) focusNode(data.focus);
    window.kgReady = true;
  }
  if (data.options.physics.enabled === false) {
    network.once("afterDrawing", ready);
  } else {
    // physics only until the layout settles (capped), so the page stays responsive afterwards
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); ready(); });
  }
})();
