namespace CommunityRules.SampleNetwork;

/// <summary>
/// The groups of the network: ordinary, well-run groups plus groups with deliberately planted
/// problems (see KnownProblems.md). The layout does not depend on the seed, so for a given group
/// count the problem groups always get the same ids.
/// </summary>
internal static class GroupCatalog
{
    /// <summary>Ordinary groups created for project codenames once the catalog below is used up.</summary>
    private static readonly string[] ProjectCodenames =
        ["Aurora", "Fjell", "Havørn", "Polaris", "Midnattsol", "Tundra", "Vinterhav", "Skärgård", "Lumi", "Isbjørn"];

    /// <summary>Smallest supported group count: every planted group plus the four all-staff groups.</summary>
    public static int MinimumGroups => PlantedGroups().Sum(category => category.Length) + 4;

    /// <summary>Returns exactly <paramref name="groupCount"/> plans in id order.</summary>
    public static List<GroupPlan> Plan(int groupCount)
    {
        var planted = RoundRobin(PlantedGroups());
        var ordinary = RoundRobin(NordicData.Countries.Select(c => OrdinaryGroups(c.Code).ToArray()).ToList())
            .Concat(ExtraProjects())
            .Take(groupCount - planted.Count)
            .ToList();

        // Spread the planted groups evenly over the id range instead of bunching them together.
        var plans = new List<GroupPlan>(groupCount);
        var nextPlanted = 0;
        var nextOrdinary = 0;
        for (var position = 0; position < groupCount; position++)
        {
            var plantedSlot = nextPlanted < planted.Count
                && position == (int)((nextPlanted + 0.5) * groupCount / planted.Count);
            plans.Add(plantedSlot ? planted[nextPlanted++] : ordinary[nextOrdinary++]);
        }

        return plans;
    }

    private static List<GroupPlan> RoundRobin(IReadOnlyList<GroupPlan[]> lists)
    {
        var merged = new List<GroupPlan>();
        for (var index = 0; merged.Count < lists.Sum(l => l.Length); index++)
        {
            merged.AddRange(lists.Where(list => index < list.Length).Select(list => list[index]));
        }

        return merged;
    }

    private static IEnumerable<GroupPlan> ExtraProjects()
    {
        for (var round = 1; ; round++)
        {
            foreach (var codename in ProjectCodenames)
            {
                foreach (var country in NordicData.Countries)
                {
                    var name = round == 1 ? $"{country.Code}-Project {codename}" : $"{country.Code}-Project {codename} {round}";
                    yield return new GroupPlan(name, country.Code, GroupKind.Project, ["project"]);
                }
            }
        }
    }

    /// <summary>Groups with planted problems, one array per problem category.</summary>
    private static List<GroupPlan[]> PlantedGroups() =>
    [
        // Names that break the "CC-Topic Name" convention or use blocked words.
        [
            new("sales team", "SE", GroupKind.Department, ["sales"])
                { Department = "Sales", Language = Language.English },
            new("se-ekonomi", "SE", GroupKind.Department, ["finance", "budget"])
                { Department = "Finance", Cluster = "finance" },
            new("Test group", "SE", GroupKind.Interest, ["test"])
                { Language = Language.English, Description = "Trying out what a group can do before we open it up." },
            new("SE-Övrigt", "SE", GroupKind.Interest, ["misc"])
                { Description = "Allt som inte passar in i någon annan grupp: frågor, tips och annonser." },
            new("NO-Temp prosjekt Q2", "NO", GroupKind.Project, ["project"])
                { Description = "Midlertidig gruppe for prosjektet i andre kvartal." },
            new("DK-Misc", "DK", GroupKind.Interest, ["misc"])
                { Description = "Alt det, der ikke passer ind i de andre grupper." },
            new("IT", "FI", GroupKind.Department, ["it", "support"])
                { Department = "IT", Description = "IT-asiat ja tukipyynnöt Suomen toimistoille." },
            new("SE-Arbetsgruppen för införandet av det nya gemensamma intranätet och dokumenthanteringen", "SE",
                GroupKind.Project, ["intranet", "documents", "project"]),
            new("Marketing Nordic", "DK", GroupKind.Department, ["marketing", "nordic"])
                { Department = "Marketing", Language = Language.English },
        ],

        // Missing, empty or too short descriptions.
        [
            new("SE-Projekt Polstjärnan", "SE", GroupKind.Project, ["project"]) { HasDescription = false },
            new("FI-Projekti Revontuli", "FI", GroupKind.Project, ["project"]) { HasDescription = false },
            new("DK-Projekt Havbrise", "DK", GroupKind.Project, ["project"]) { Description = "" },
            new("NO-Kontoret Bergen", "NO", GroupKind.Office, ["office", "bergen"]) { Office = "Bergen", Description = "Bergen" },
            new("FI-Tampereen toimisto", "FI", GroupKind.Office, ["office", "tampere"]) { Office = "Tampere", Description = "Toimisto." },
            new("SE-Marknad Malmö", "SE", GroupKind.Department, ["marketing", "malmo"])
                { Department = "Marketing", Office = "Malmö", Description = "Marknad i Malmö" },
        ],

        // Admin problems.
        [
            new("SE-Juridik", "SE", GroupKind.Department, ["legal"]) { Department = "Legal", Privacy = "closed", Admins = AdminSetup.Single },
            new("NO-Bedriftsidrett", "NO", GroupKind.Interest, ["sports"]) { Admins = AdminSetup.None },
            new("SE-Innebandy", "SE", GroupKind.Interest, ["sports", "floorball"]) { Admins = AdminSetup.AllDeparted },
            new("SE-Kundservice Göteborg", "SE", GroupKind.Department, ["customer-service", "goteborg"])
                { Department = "Customer Service", Office = "Göteborg", Admins = AdminSetup.OneActive },
            new("NO-Jus og kontrakter", "NO", GroupKind.Department, ["legal", "contracts"])
                { Department = "Legal", Admins = AdminSetup.Single },
            new("FI-Lukupiiri", "FI", GroupKind.Interest, ["books"]) { Admins = AdminSetup.None },
            new("NO-Kundeservice Bergen", "NO", GroupKind.Department, ["customer-service", "bergen"])
                { Department = "Customer Service", Office = "Bergen", Admins = AdminSetup.AllDeparted },
            new("DK-Salg Aarhus", "DK", GroupKind.Department, ["sales", "aarhus"])
                { Department = "Sales", Office = "Aarhus", Admins = AdminSetup.OneActive },
            new("DK-Indkøb", "DK", GroupKind.Department, ["procurement"]) { Department = "Operations", Admins = AdminSetup.Single },
            new("DK-Fotoklub", "DK", GroupKind.Interest, ["photography"]) { Admins = AdminSetup.None },
            new("FI-Laatu", "FI", GroupKind.Department, ["quality"]) { Department = "Operations", Admins = AdminSetup.AllDeparted },
            new("FI-Asiakaspalvelu Tampere", "FI", GroupKind.Department, ["customer-service", "tampere"])
                { Department = "Customer Service", Office = "Tampere", Admins = AdminSetup.OneActive },
        ],

        // Inactivity: stopped or silent groups, young groups that must not count as inactive, archived groups.
        [
            new("SE-Projekt Vinterljus", "SE", GroupKind.Project, ["project"])
                { Age = GroupAge.Established, Activity = ActivityProfile.Stopped },
            new("SE-Gamla intranätet", "SE", GroupKind.Project, ["intranet"])
                { Age = GroupAge.Established, Activity = ActivityProfile.Silent },
            new("SE-Onboarding hösten 2026", "SE", GroupKind.Interest, ["onboarding"])
                { Age = GroupAge.Young, Activity = ActivityProfile.Silent },
            new("SE-Flytten Göteborg 2024", "SE", GroupKind.Office, ["office", "goteborg"])
                { Office = "Göteborg", Age = GroupAge.Established, Activity = ActivityProfile.Silent, Archived = true },
            new("DK-Sommerfest 2025", "DK", GroupKind.Interest, ["party"])
                { Age = GroupAge.Established, Activity = ActivityProfile.Stopped },
            new("NO-Kantineutvalget", "NO", GroupKind.Interest, ["canteen"])
                { Age = GroupAge.Established, Activity = ActivityProfile.Silent },
            new("NO-Ny kantine Oslo", "NO", GroupKind.Office, ["canteen", "oslo"])
                { Office = "Oslo", Age = GroupAge.Young, Activity = ActivityProfile.Silent },
            new("DK-Kontorflytning Aarhus", "DK", GroupKind.Office, ["office", "aarhus"])
                { Office = "Aarhus", Age = GroupAge.Established, Activity = ActivityProfile.Stopped, Archived = true },
            new("FI-Migraatio 2025", "FI", GroupKind.Project, ["it", "migration"])
                { Department = "IT", Age = GroupAge.Established, Activity = ActivityProfile.Stopped },
            new("FI-Syksyn rekrytointi 2026", "FI", GroupKind.Department, ["hr", "recruitment"])
                { Department = "HR", Privacy = "closed", Age = GroupAge.Young, Activity = ActivityProfile.Silent },
            new("FI-Koronaohjeet", "FI", GroupKind.Interest, ["health", "guidelines"])
                { Age = GroupAge.Established, Activity = ActivityProfile.Silent, Archived = true },
        ],

        // Same-theme clusters across countries and languages, sharing members and topics.
        [
            new("SE-Ekonomi", "SE", GroupKind.Department, ["finance", "budget", "reporting"])
                { Department = "Finance", Cluster = "finance" },
            new("NO-HR Norge", "NO", GroupKind.Department, ["hr", "people"]) { Department = "HR", Cluster = "hr" },
            new("SE-Friskvård", "SE", GroupKind.Interest, ["wellbeing", "health", "sports"]) { Cluster = "wellbeing" },
            new("se-ekonomi-SE", "SE", GroupKind.Department, ["finance", "reporting"])
                { Department = "Finance", Cluster = "finance" },
            new("NO-HR Norway", "NO", GroupKind.Department, ["hr", "people", "policies"])
                { Department = "HR", Cluster = "hr", Language = Language.English },
            new("DK-Sundhed og trivsel", "DK", GroupKind.Interest, ["wellbeing", "health"]) { Cluster = "wellbeing" },
            new("NO-Økonomi", "NO", GroupKind.Department, ["finance", "budget"]) { Department = "Finance", Cluster = "finance" },
            new("NO-Trening og helse", "NO", GroupKind.Interest, ["wellbeing", "sports"]) { Cluster = "wellbeing" },
            new("FI-Talous", "FI", GroupKind.Department, ["finance", "reporting"]) { Department = "Finance", Cluster = "finance" },
            new("FI-Hyvinvointi", "FI", GroupKind.Interest, ["wellbeing", "health"]) { Cluster = "wellbeing" },
        ],

        // Creators who should not have created the group, have left, or do not exist.
        [
            new("SE-Brädspel", "SE", GroupKind.Interest, ["games"]) { Creator = CreatorKind.Employee },
            new("SE-Vinprovning", "SE", GroupKind.Interest, ["wine"]) { Creator = CreatorKind.Departed },
            new("DK-Kundecases", "DK", GroupKind.Department, ["sales", "cases"])
                { Department = "Sales", Creator = CreatorKind.Missing },
            new("NO-Strikkeklubben", "NO", GroupKind.Interest, ["knitting"]) { Creator = CreatorKind.Employee },
            new("NO-Fotball Bergen", "NO", GroupKind.Interest, ["sports", "football"]) { Creator = CreatorKind.Departed },
            new("DK-Løbeklub Aarhus", "DK", GroupKind.Interest, ["running", "aarhus"])
                { Office = "Aarhus", Creator = CreatorKind.Employee },
            new("FI-Valokuvaus", "FI", GroupKind.Interest, ["photography"]) { Creator = CreatorKind.Employee },
        ],

        // Fewer than three members.
        [
            new("SE-Styrgrupp CRM", "SE", GroupKind.Project, ["crm", "project"]) { Privacy = "closed", MemberCount = 2 },
            new("NO-Pilotgruppe KI", "NO", GroupKind.Project, ["ai", "project"]) { Privacy = "closed", MemberCount = 2 },
            new("FI-Kielikahvila", "FI", GroupKind.Interest, ["languages"]) { MemberCount = 1, Admins = AdminSetup.Single },
        ],
    ];

    /// <summary>Well-run groups following the naming convention, in the order they are used.</summary>
    private static IEnumerable<GroupPlan> OrdinaryGroups(string code)
    {
        GroupPlan AllStaff(string name, string subject, string description) =>
            new(name, code, GroupKind.AllStaff, ["company-news"]) { Subject = subject, Description = description };
        GroupPlan Department(string topic, string department, string[] topics, string? office = null) =>
            new($"{code}-{topic}", code, GroupKind.Department, topics) { Department = department, Office = office };
        GroupPlan Office(string topic, string office) =>
            new($"{code}-{topic}", code, GroupKind.Office, ["office", office.ToLowerInvariant()]) { Office = office };
        GroupPlan Interest(string topic, params string[] topics) => new($"{code}-{topic}", code, GroupKind.Interest, topics);
        GroupPlan Leadership(string topic) =>
            new($"{code}-{topic}", code, GroupKind.Leadership, ["leadership"]) { Privacy = "secret" };
        GroupPlan Project(string topic, params string[] topics) => new($"{code}-{topic}", code, GroupKind.Project, topics);

        switch (code)
        {
            case "SE":
                yield return AllStaff("SE-Alla på Nordlys Sverige", "Nordlys Sverige",
                    "Nyheter och information till alla medarbetare i Nordlys Sverige.");
                yield return Department("Sales Stockholm", "Sales", ["sales", "stockholm"], "Stockholm");
                yield return Department("Marknad", "Marketing", ["marketing"]);
                yield return Department("IT Support", "IT", ["it", "support"]);
                yield return Office("Kontoret Stockholm", "Stockholm");
                yield return Department("HR Sverige", "HR", ["hr"]);
                yield return Department("Kundservice", "Customer Service", ["customer-service"]);
                yield return Interest("Hållbarhet", "sustainability");
                yield return Department("Sales Göteborg", "Sales", ["sales", "goteborg"], "Göteborg");
                yield return Department("Produktutveckling", "R&D", ["r-and-d", "product"]);
                yield return Leadership("Chefsforum");
                yield return Office("Kontoret Göteborg", "Göteborg");
                yield return Interest("Nyanställda", "onboarding");
                yield return Department("Sälj Malmö", "Sales", ["sales", "malmo"], "Malmö");
                yield return Department("Logistik", "Operations", ["operations", "logistics"]);
                yield return Interest("Löpning", "running", "sports");
                yield return Department("Kommunikatörer", "Communications", ["communications"]);
                yield return Office("Kontoret Malmö", "Malmö");
                yield return Interest("Bokklubben", "books");
                yield return Department("Utvecklare", "R&D", ["development"]);
                yield return Interest("Cykla till jobbet", "cycling", "sustainability");
                yield return Project("Projekt Norrsken CRM", "crm", "project");
                yield return Department("Inköp", "Operations", ["procurement"]);
                yield return Interest("Föräldranätverket", "parents");
                yield return Department("Arbetsmiljö och säkerhet", "Operations", ["safety", "work-environment"]);
                break;
            case "NO":
                yield return AllStaff("NO-Alle i Nordlys Norge", "Nordlys Norge",
                    "Nyheter og informasjon til alle ansatte i Nordlys Norge.");
                yield return Department("Salg Oslo", "Sales", ["sales", "oslo"], "Oslo");
                yield return Department("Markedsføring", "Marketing", ["marketing"]);
                yield return Department("IT Brukerstøtte", "IT", ["it", "support"]);
                yield return Office("Kontoret Oslo", "Oslo");
                yield return Department("Kundeservice Oslo", "Customer Service", ["customer-service", "oslo"], "Oslo");
                yield return Interest("Friluftsliv", "outdoors");
                yield return Department("Salg Bergen", "Sales", ["sales", "bergen"], "Bergen");
                yield return Department("Produktutvikling", "R&D", ["r-and-d", "product"]);
                yield return Leadership("Ledere i Norge");
                yield return Interest("Skigruppa", "skiing", "sports");
                yield return Department("Drift og logistikk", "Operations", ["operations", "logistics"]);
                yield return Interest("Bærekraft", "sustainability");
                yield return Department("Kommunikasjon", "Communications", ["communications"]);
                yield return Interest("Nyansatte", "onboarding");
                yield return Department("Innkjøp", "Operations", ["procurement"]);
                yield return Interest("Løpegruppa Oslo", "running", "sports");
                yield return Project("Prosjekt Nordavind", "project");
                yield return Interest("Foreldrenettverket", "parents");
                yield return Department("Utviklere", "R&D", ["development"]);
                break;
            case "DK":
                yield return AllStaff("DK-Alle i Nordlys Danmark", "Nordlys Danmark",
                    "Nyheder og information til alle medarbejdere i Nordlys Danmark.");
                yield return Department("Salg København", "Sales", ["sales", "kobenhavn"], "København");
                yield return Department("Marketing", "Marketing", ["marketing"]);
                yield return Department("IT Support", "IT", ["it", "support"]);
                yield return Office("Kontoret København", "København");
                yield return Department("HR Danmark", "HR", ["hr"]);
                yield return Department("Kundeservice", "Customer Service", ["customer-service"]);
                yield return Interest("Fredagsbar", "social");
                yield return Department("Produktudvikling", "R&D", ["r-and-d", "product"]);
                yield return Leadership("Ledernetværk");
                yield return Office("Kontoret Aarhus", "Aarhus");
                yield return Interest("Bæredygtighed", "sustainability");
                yield return Department("Drift", "Operations", ["operations", "logistics"]);
                yield return Department("Jura", "Legal", ["legal"]) with { Privacy = "closed" };
                yield return Interest("Nye medarbejdere", "onboarding");
                yield return Department("Kommunikation", "Communications", ["communications"]);
                yield return Interest("Cykelklubben", "cycling", "sports");
                yield return Project("Projekt Fyrtårn", "project");
                yield return Interest("Forældrenetværk", "parents");
                yield return Department("Controlling", "Finance", ["controlling"]);
                break;
            case "FI":
                yield return AllStaff("FI-Kaikki Nordlys Suomi", "Nordlys Suomi",
                    "Uutiset ja tiedotteet kaikille Nordlys Suomen työntekijöille.");
                yield return Department("Myynti Helsinki", "Sales", ["sales", "helsinki"], "Helsinki");
                yield return Department("Markkinointi", "Marketing", ["marketing"]);
                yield return Department("IT Tuki", "IT", ["it", "support"]);
                yield return Office("Helsingin toimisto", "Helsinki");
                yield return Department("Henkilöstö", "HR", ["hr"]);
                yield return Department("Asiakaspalvelu Helsinki", "Customer Service", ["customer-service", "helsinki"], "Helsinki");
                yield return Interest("Saunaseura", "sauna", "social");
                yield return Department("Myynti Tampere", "Sales", ["sales", "tampere"], "Tampere");
                yield return Department("Tuotekehitys", "R&D", ["r-and-d", "product"]);
                yield return Leadership("Esihenkilöt");
                yield return Interest("Kestävä kehitys", "sustainability");
                yield return Department("Logistiikka", "Operations", ["operations", "logistics"]);
                yield return Department("Viestintä", "Communications", ["communications"]);
                yield return Interest("Uudet työntekijät", "onboarding");
                yield return Department("Lakiasiat", "Legal", ["legal"]) with { Privacy = "closed" };
                yield return Interest("Juoksuporukka", "running", "sports");
                yield return Project("Projekti Pohjantähti", "project");
                yield return Interest("Pyöräily", "cycling", "sports");
                yield return Department("Ohjelmistokehittäjät", "R&D", ["development"]);
                break;
        }
    }
}
