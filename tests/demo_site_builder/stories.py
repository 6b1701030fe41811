"""The demo site's fictional stories: text only; templates.py gives them each syndicator's markup."""

# ruff: noqa: E501 - HTML templates and prose read better unwrapped

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Story:
    slug: str
    headline: str
    authors: tuple[str, ...]
    published: str  # ISO 8601 UTC
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()
    caption: str = ""
    credit: str = ""
    original_url: str = ""
    language: str = "en"
    tags: tuple[str, ...] = field(default=("news",))


CHIPMAKER = Story(
    slug="norvane-raises-forecast",
    headline="Norvane Semiconductor shares jump 14% after the chipmaker raises its full-year forecast",
    authors=("Priya Castellano",),
    published="2025-06-11T13:15:00+00:00",
    bullets=(
        "Norvane Semiconductor raised its revenue forecast for the year by $1.2 billion.",
        "Demand for data-center chips is outrunning supply, the company said.",
        "Analysts warned that the rally leaves little room for disappointment.",
    ),
    caption="Norvane's fabrication plant outside Tucson, Arizona, in March 2025.",
    credit="Mara Lindqvist for Business Insider",
    original_url="https://www.businessinsider.com/norvane-semiconductor-raises-forecast-2025-6",
    paragraphs=(
        "Shares of Norvane Semiconductor jumped 14% on Wednesday after the chipmaker told investors it "
        "now expects revenue of $9.4 billion this year, up from the $8.2 billion it forecast in February.",
        "The company said orders for its data-center processors had doubled since January, as cloud "
        "providers race to add computing capacity for artificial intelligence software.",
        "\u201cWe are shipping everything we can make, and we still have a waiting list,\u201d chief executive "
        "Lorenzo Huang said on a call with analysts. \u201cThe constraint this year is packaging, not demand.\u201d",
        "Norvane said it would spend an additional $600 million on advanced packaging lines at its Arizona "
        "plant, which it expects to double output by the middle of next year.",
        "Not everyone was convinced the pace would last. \u201cThe stock now prices in flawless execution for "
        "two years,\u201d said Helen Okafor, a semiconductor analyst at Bramwell Securities. She kept her "
        "neutral rating on the shares.",
        "Norvane's stock has risen 61% so far this year, compared with a 9% gain for the broader S&P 500.",
    ),
    tags=("markets", "technology"),
)

HOUSING = Story(
    slug="housing-starts-slow",
    headline="Builders are slowing down as mortgage rates stay stubbornly high",
    authors=("Tomas Reyes",),
    published="2025-06-10T15:40:00+00:00",
    bullets=(
        "Construction began on fewer new homes in May than in any month since 2020.",
        "Builders say buyers are waiting for lower mortgage rates.",
    ),
    original_url="https://www.businessinsider.com/housing-starts-slow-mortgage-rates-2025-6",
    paragraphs=(
        "American home builders started work on fewer houses last month than at any point in five years, "
        "a sign that high borrowing costs are weighing on an industry that had held up better than expected.",
        "Housing starts fell 7% in May to an annual rate of 1.21 million, the Commerce Department said on "
        "Tuesday. Permits for future construction, a forward-looking measure, dropped 4%.",
        "\u201cBuyers are telling us they will come back when rates start with a five,\u201d said Carla Mendes, "
        "who runs a mid-sized building firm near Charlotte, North Carolina. \u201cUntil then we build less.\u201d",
        "The average rate on a 30-year fixed mortgage was 6.9% last week, according to the mortgage buyer "
        "Freddie Mac, roughly where it stood a year ago.",
        "Economists expect the slowdown to continue through the summer. Builders had rushed to finish "
        "homes started during the pandemic, leaving a large stock of unsold new houses on the market.",
    ),
    tags=("markets", "real-estate"),
)

RETAIL = Story(
    slug="shoppers-trade-down",
    headline="Shoppers are trading down to store brands, and grocers are loving it",
    authors=("Amira Said",),
    published="2025-06-12T10:05:00+00:00",
    bullets=(
        "Store-brand groceries made up a record share of sales in the first quarter.",
        "Grocers earn higher margins on their own labels than on national brands.",
    ),
    original_url="https://www.businessinsider.com/shoppers-trade-down-store-brands-grocers-2025-6",
    paragraphs=(
        "American shoppers are buying more store-brand food than ever, and supermarket chains say they are "
        "not complaining.",
        "Private-label products accounted for 23.4% of grocery spending in the first three months of the "
        "year, a record, according to a report from the trade group that tracks the category.",
        "\u201cCustomers tried our brand when prices spiked, and most of them never went back,\u201d said Owen "
        "Hartley, a merchandising director at the regional chain FreshWay Markets.",
        "For grocers the shift is good business. Retailers typically keep a larger slice of the price of "
        "their own products than of the national brands they stock.",
        "National food companies have responded with promotions and smaller package sizes, but analysts say "
        "the habit may be hard to reverse once shoppers decide the cheaper versions taste the same.",
    ),
    tags=("markets", "retail"),
)

HEATWAVE = Story(
    slug="heat-wave-power-grid",
    headline="Early heat wave tests power grids across the South",
    authors=("Jordan Ellery",),
    published="2025-06-09T18:20:00+00:00",
    original_url="https://www.usatoday.com/story/news/nation/2025/06/09/heat-wave-power-grid-south/",
    paragraphs=(
        "An unusually early heat wave pushed temperatures above 100 degrees across parts of Texas, "
        "Louisiana and Mississippi on Monday, and grid operators asked residents to cut back on power use "
        "during the late afternoon.",
        "The operator of the Texas grid said demand could set a June record on Tuesday. It issued a "
        "voluntary conservation notice for the hours between 4 p.m. and 8 p.m.",
        "\u201cWe have enough generation if everything performs as expected,\u201d a spokesperson for the grid "
        "operator said. \u201cThe notice is a precaution, not an emergency.\u201d",
        "Forecasters expect the heat to ease by the weekend, when a band of storms is due to move in from "
        "the Plains. Until then, cities have opened cooling centers in libraries and recreation halls.",
        "Doctors urged people to check on elderly neighbors, who are most at risk of heat illness, and to "
        "avoid outdoor work in the middle of the day.",
    ),
    tags=("weather",),
)

AIRLINES = Story(
    slug="airline-delays-summer",
    headline="Airlines brace for a summer of delays as air traffic controller shortage drags on",
    authors=("Nadia Brooks",),
    published="2025-06-05T12:00:00+00:00",
    bullets=(
        "Regulators asked airlines to trim flights at three busy New York-area airports.",
        "The control center that handles the region is 30% short of fully trained staff.",
    ),
    original_url="https://www.businessinsider.com/airline-delays-summer-air-traffic-controllers-2025-6",
    paragraphs=(
        "Travelers flying through New York this summer should expect delays, airline executives warned, "
        "as a shortage of air traffic controllers forces carriers to cut flights at the region's busiest "
        "airports.",
        "Federal regulators asked airlines to reduce scheduled departures by up to 10% at three airports "
        "through September. Most carriers have agreed.",
        "\u201cWe would rather cancel a flight in May than strand passengers in July,\u201d said Rachel Stein, "
        "the operations chief of a large domestic airline.",
        "The facility that guides planes in and out of the area is about 30% short of fully certified "
        "controllers. Training a new controller takes up to three years.",
        "Airlines have added larger planes on some routes to keep seat counts steady, which has helped "
        "limit fare increases, according to a travel industry analyst.",
    ),
    tags=("travel",),
)

RETIREMENT = Story(
    slug="retirement-savings-mistakes",
    headline="5 retirement savings mistakes people make in their 40s",
    authors=("Dev Kapoor",),
    published="2025-05-28T14:30:00+00:00",
    original_url="https://www.gobankingrates.com/retirement/planning/retirement-mistakes-40s/",
    paragraphs=(
        "Your 40s are often the decade when retirement stops feeling far away. They are also the years when "
        "a few common mistakes can cost the most, financial planners say.",
        "The first is pausing contributions to pay for a child's college. \u201cYou can borrow for college, "
        "but nobody lends you money for retirement,\u201d said certified financial planner Grace Whitaker.",
        "The second is keeping too much in cash. Savings accounts feel safe, but over twenty years inflation "
        "erodes money that is not invested.",
        "Planners also warn against ignoring old workplace accounts. People who change jobs often leave "
        "small balances behind, where they may sit in high-fee funds for years.",
        "Finally, many people never check whether they are on track. A simple calculation of expected "
        "income and spending, done once a year, is enough to catch problems while there is time to fix them.",
    ),
    tags=("personal-finance",),
)

PORT_STRIKE = Story(
    slug="port-workers-strike",
    headline="Dockworkers at two major European ports begin 48-hour strike over automation",
    authors=("Lena Vogt",),
    published="2025-06-11T07:45:00+00:00",
    paragraphs=(
        "Dockworkers at two of northern Europe's largest container ports walked off the job on Wednesday "
        "in a 48-hour strike over plans to automate cargo handling, halting most loading and unloading.",
        "The unions say the ports' operators plan to replace hundreds of crane operators with remotely "
        "controlled equipment over the next five years without guarantees of new jobs.",
        "\u201cNobody is against modern equipment. We are against being told about it after the contracts are "
        "signed,\u201d union spokesperson Henrik Aalders told reporters outside the port gates.",
        "A spokesperson for one port operator said the company had offered retraining to every affected "
        "worker and remained open to talks.",
        "Shipping lines said vessels would wait at anchor or divert to other ports, adding to delays on "
        "routes between Asia and Europe.",
    ),
    tags=("business", "world"),
)

CENTRAL_BANK = Story(
    slug="central-bank-holds-rates",
    headline="Central bank holds rates steady, signals cuts could come later this year",
    authors=("Marcus Eto",),
    published="2025-06-12T12:30:00+00:00",
    paragraphs=(
        "The central bank left its benchmark interest rate unchanged at 4.25% on Thursday but said it could "
        "begin lowering borrowing costs later this year if inflation keeps slowing.",
        "Policymakers voted 7-2 to hold rates, with two members preferring an immediate quarter-point cut, "
        "according to a statement released after the meeting.",
        "\u201cThe direction of travel is clear, but the timing depends on the data,\u201d the bank's governor, "
        "Elena Marsh, told a news conference.",
        "Consumer prices rose 2.6% in the year to May, down from a peak of more than 10% two years ago, but "
        "still above the bank's 2% target.",
        "Markets moved to price in a first cut in September. The currency weakened slightly against the "
        "dollar after the decision.",
    ),
    tags=("markets", "economy"),
)

WILDFIRE = Story(
    slug="wildfire-evacuations",
    headline="Wildfire forces evacuations in foothill towns as winds pick up",
    authors=("Sam Whitfield",),
    published="2025-06-10T21:10:00+00:00",
    caption="Firefighters watch a ridge line above Pine Hollow on Tuesday, June 10, 2025.",
    credit="AP Photo/Rita Gomez",
    paragraphs=(
        "PINE HOLLOW (AP) \u2014 A fast-moving wildfire forced the evacuation of about 2,000 residents from "
        "foothill communities on Tuesday as gusty winds pushed flames toward homes.",
        "The fire had burned about 4,500 acres by evening and was 5% contained, fire officials said. No "
        "injuries were reported, but at least six outbuildings were destroyed.",
        "\u201cThe wind is doing whatever it wants right now,\u201d said county fire chief Dana Morales. "
        "\u201cWe are asking people to leave when we tell them to, not an hour later.\u201d",
        "Evacuation centers opened at a high school and a church in the valley below. Animal shelters "
        "offered space for pets and livestock.",
        "Forecasters said humidity was expected to rise on Thursday, which could help crews build "
        "containment lines along the fire's eastern edge.",
    ),
    tags=("news", "weather"),
)

SCHOOL_MEALS = Story(
    slug="free-school-meals",
    headline="More states offer free school meals to every student, regardless of income",
    authors=("Keisha Porter",),
    published="2025-06-03T16:00:00+00:00",
    paragraphs=(
        "WASHINGTON (AP) \u2014 Four more states will offer free breakfast and lunch to all public school "
        "students starting this fall, bringing the total to twelve, according to a national advocacy group.",
        "Supporters say universal programs remove the stigma that kept some eligible children from eating "
        "and cut paperwork for families and schools.",
        "\u201cA hungry kid cannot learn fractions,\u201d said state senator Paula Brennan, who sponsored one of "
        "the new laws. \u201cThis is the cheapest education policy we have.\u201d",
        "Critics argue the programs spend public money on families who can afford to pay. One state's "
        "budget office estimated the annual cost at $180 million.",
        "School nutrition directors said the biggest challenge would be staffing kitchens to serve more "
        "students in the same lunch periods.",
    ),
    tags=("news", "education"),
)

TEEN_SLEEP = Story(
    slug="teenagers-sleep-school-start",
    headline="Why later school start times help teenagers sleep, and learn",
    authors=("Ruth Adeyemi",),
    published="2025-06-02T09:00:00+00:00",
    original_url="https://theconversation.com/why-later-school-start-times-help-teenagers-sleep-2025",
    paragraphs=(
        "Ask any parent of a teenager and they will tell you: getting a 15-year-old out of bed at 6:30 a.m. "
        "is a daily battle. Sleep research suggests the teenager is not simply being difficult.",
        "During adolescence the body's internal clock shifts later by as much as two hours. Most teenagers "
        "cannot fall asleep much before 11 p.m., yet many schools start classes before 8 a.m.",
        "In our study of four school districts that moved their start times 45 minutes later, students slept "
        "an average of 34 minutes more on school nights. Attendance rose and first-period grades improved.",
        "The change is not free. Districts had to reorganize bus routes, and some parents worried about "
        "after-school jobs and sports practices running into the evening.",
        "Still, the evidence points one way. As one principal in our study put it, \u201cwe stopped fighting "
        "biology and the kids stopped sleeping through first period.\u201d",
    ),
    tags=("science", "education"),
)

URBAN_TREES = Story(
    slug="urban-trees-heat",
    headline="City trees cool streets by up to 5 degrees. Here is where they are missing",
    authors=("Felix Moreau", "Ana Lucia Torres"),
    published="2025-05-22T11:00:00+00:00",
    original_url="https://theconversation.com/city-trees-cool-streets-2025",
    paragraphs=(
        "On a hot afternoon, a street lined with mature trees can be up to 5 degrees Celsius cooler than a "
        "treeless street a few blocks away. Our measurements in three mid-sized cities show how uneven that "
        "protection is.",
        "Neighborhoods with lower incomes had, on average, half the tree canopy of wealthier ones. The gap "
        "traces back decades, to where cities chose to plant and where they chose to pave.",
        "Planting is the easy part. Young trees need watering for three to five years, and many city "
        "programs budget for the sapling but not for the care that keeps it alive.",
        "Some cities now pair planting with local maintenance crews, hiring residents to water and prune. "
        "Survival rates in those programs are markedly higher.",
        "Trees take years to grow, so decisions made today will shape how livable these streets are during "
        "the heat waves of the 2040s.",
    ),
    tags=("science", "environment"),
)

COUNCIL_BUDGET = Story(
    slug="city-council-budget",
    headline="City council approves budget with more money for road repairs and libraries",
    authors=("Hannah Lowe",),
    published="2025-06-11T20:30:00+00:00",
    caption="Council members vote on the budget at City Hall on Wednesday evening.",
    credit="Photo by Ben Ortiz / The Demo Herald",
    paragraphs=(
        "The city council approved a $412 million budget on Wednesday night that puts more money into road "
        "repairs and extends library hours, after a debate that ran past 10 p.m.",
        "The plan sets aside $38 million for resurfacing, the largest amount in a decade, and funds Sunday "
        "opening hours at all five branch libraries.",
        "\u201cResidents told us two things in every meeting: fix the potholes and keep the libraries open,\u201d "
        "said council member Rosa Jimenez. \u201cThis budget does both.\u201d",
        "Council member Walter Grant voted against it, saying the city was relying on one-time money to pay "
        "for permanent costs. \u201cWe will be back here next year looking for the same money,\u201d he said.",
        "The budget passed 6-1 and takes effect on July 1. Property tax rates stay unchanged.",
    ),
    tags=("local", "politics"),
)

BRIDGE = Story(
    slug="river-bridge-reopens",
    headline="Old river bridge reopens to traffic after two years of repairs",
    authors=("Chris Tan",),
    published="2025-06-10T09:00:00+00:00",
    paragraphs=(
        "The Mill Street bridge reopened to cars and cyclists on Tuesday morning, two years and $27 million "
        "after engineers closed it over concerns about corroded steel beams.",
        "Crews replaced the deck, strengthened the supports and added a protected bike lane on each side. "
        "The bridge first opened in 1931.",
        "\u201cI used to drive an extra fifteen minutes every morning to get around it,\u201d said Lisa Park, "
        "who owns a bakery on the east side of the river. \u201cToday I walked across with a coffee.\u201d",
        "The project finished three months later than planned because of a shortage of specialized steel, "
        "said the city's public works director, Omar Haddad.",
        "A ribbon-cutting ceremony is planned for Saturday, with the bridge closed to traffic for two hours.",
    ),
    tags=("local",),
)

BAKERY = Story(
    slug="bakery-wins-award",
    headline="East side bakery wins national award for its sourdough",
    authors=("Mia Cho",),
    published="2025-06-06T14:00:00+00:00",
    paragraphs=(
        "A small bakery on the east side of the river has won a national award for its sourdough bread, "
        "beating more than 300 entries from across the country.",
        "Lisa Park opened Park Street Bread eight years ago with one oven and a starter she says is older "
        "than her business. The judges praised its crust and open crumb.",
        "\u201cI still do not know what I do differently,\u201d Park said. \u201cI just do not rush it.\u201d",
        "The award comes with a cash prize, which Park plans to spend on a second oven. Lines outside the "
        "shop were already longer than usual on Friday morning.",
        "The bakery is open Tuesday through Sunday and usually sells out of sourdough before noon.",
    ),
    tags=("local", "food"),
)

LIBRARY = Story(
    slug="library-expansion",
    headline="Central library expansion will add a makerspace and study rooms",
    authors=("Hannah Lowe",),
    published="2025-05-30T10:15:00+00:00",
    paragraphs=(
        "The central library will add a two-story wing with a makerspace, a recording studio and twelve "
        "bookable study rooms, under plans approved by the library board on Thursday.",
        "Construction is expected to start in the spring and take about eighteen months. The library will "
        "stay open during the work, with the children's section moving temporarily to the second floor.",
        "\u201cPeople do not only come here to borrow books anymore. They come to work, to learn and to make "
        "things,\u201d said library director Samuel Achebe.",
        "The $14 million project is paid for by a bond that voters approved in 2023 and by a gift from a "
        "local family foundation.",
        "Residents can comment on the designs at two public meetings next month.",
    ),
    tags=("local",),
)

HEAT_PUMPS = Story(
    slug="heat-pump-grants",
    headline="Homeowners can now apply for grants of up to $8,000 for heat pumps",
    authors=("Chris Tan",),
    published="2025-06-08T08:00:00+00:00",
    paragraphs=(
        "Homeowners in the county can apply for grants of up to $8,000 to replace gas furnaces with electric "
        "heat pumps, under a program that opened on Monday.",
        "The grants cover about half the typical cost of a heat pump installation. Households with lower "
        "incomes can receive the full amount; others receive up to $4,000.",
        "\u201cWe expect the first round of money to go quickly,\u201d said program manager Julia Novak. "
        "\u201cPeople should get a quote from an installer before they apply.\u201d",
        "Heat pumps move heat instead of producing it, which makes them far more efficient than furnaces in "
        "most of the country's climate zones.",
        "Applications are processed in the order they are received. The program has $6 million for its first "
        "year.",
    ),
    tags=("local", "environment"),
)

MUSIC_FESTIVAL = Story(
    slug="festival-musique",
    headline="Le festival de musique du quartier attend 20 000 visiteurs ce week-end",
    authors=("Claire Dubois",),
    published="2025-06-12T08:30:00+00:00",
    language="fr",
    paragraphs=(
        "Le festival de musique du quartier du port revient ce week-end pour sa douzième édition, avec "
        "quarante concerts gratuits répartis sur trois scènes en plein air.",
        "Les organisateurs attendent près de 20 000 visiteurs, un record. La rue principale sera fermée à "
        "la circulation de vendredi soir à dimanche minuit.",
        "\u00ab Nous voulions un festival où les familles se sentent chez elles \u00bb, explique la "
        "directrice artistique, Mathilde Roux. \u00ab Il y aura de la musique pour tous les âges. \u00bb",
        "Les commerçants du quartier se préparent à une affluence exceptionnelle. Plusieurs restaurants "
        "installeront des terrasses supplémentaires sur les trottoirs.",
        "Le programme complet est disponible à l'office de tourisme et sur les affiches de la ville.",
    ),
    tags=("local", "culture"),
)
