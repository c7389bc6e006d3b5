"""Words in organisations' names, shared by mention typing (extract/mentions/) and resolution."""

# Words in an organisation's name that tell its kind ("Ministry of Mines", "Ford Motor Co").
GOVERNMENT_WORDS = frozenset(
    "ministry department government agency commission council parliament congress senate "
    "administration bureau cabinet customs authority authorities police army navy military "
    "court treasury embassy consulate municipality assembly".split()
)
COMPANY_WORDS = frozenset(
    "inc inc. corp corp. corporation ltd ltd. llc plc co co. company companies group holdings "
    "motors motor bank airlines airways industries technologies systems pharmaceuticals "
    "enterprises gmbh ag sa re".split()
)
RESEARCH_WORDS = frozenset(
    "university academy institute institution college laboratory laboratories lab school "
    "observatory think-tank".split()
)
MEDIA_WORDS = frozenset(
    "news times post journal herald tribune gazette media press broadcasting television tv "
    "radio newspaper magazine reuters bloomberg agency-france-presse".split()
)
# Words that name a kind of organisation ('Ministry', 'Council'): alone, they say too little.
ORGANISATION_KIND_WORDS = GOVERNMENT_WORDS | COMPANY_WORDS | RESEARCH_WORDS | MEDIA_WORDS | {"party", "union", "club"}
