namespace CommunityRules.SampleNetwork;

/// <summary>Languages the sample texts are written in.</summary>
internal enum Language
{
    Swedish,
    Norwegian,
    Danish,
    Finnish,
    English,
}

/// <summary>
/// A country of Nordlys Group with its local company, offices and typical names.
/// In <c>PhoneTemplate</c> (a mobile number) each <c>#</c> becomes a random digit.
/// </summary>
internal sealed record CountryInfo(
    string Code,
    Language Language,
    string Company,
    int PeopleWeight,
    string[] Offices,
    int[] OfficeWeights,
    string PhoneTemplate,
    string[] FirstNames,
    string[] LastNames);

/// <summary>A department with the titles used at each level of the hierarchy.</summary>
internal sealed record DepartmentInfo(string Name, int PeopleWeight, string ManagerTitle, string[] EmployeeTitles);

/// <summary>A member of the executive team and the departments that report to them.</summary>
internal sealed record ExecutiveSeat(string Title, string CountryCode, string[] Departments);

/// <summary>Static reference data for the fictitious Nordlys Group.</summary>
internal static class NordicData
{
    public const string GroupCompany = "Nordlys Group AB";
    public const string EmailDomain = "nordlys.example";
    public const string CeoTitle = "Chief Executive Officer";

    // The CEO has no department of their own; Operations keeps every person inside the documented list.
    public const string CeoDepartment = "Operations";

    public static readonly CountryInfo[] Countries =
    [
        new("SE", Language.Swedish, "Nordlys Sverige AB", 40,
            ["Stockholm", "Göteborg", "Malmö"], [55, 28, 17], "+46 7# ### ## ##",
            ["Åsa", "Anna", "Maria", "Karin", "Sara", "Emma", "Elin", "Ingrid", "Linnéa", "Malin", "Ebba", "Sofia",
             "Johanna", "Annika", "Märta", "Erik", "Lars", "Anders", "Johan", "Per", "Mikael", "Karl", "Nils",
             "Oskar", "Björn", "Göran", "Henrik", "Jonas", "Magnus", "Måns", "Olle", "André"],
            ["Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
             "Persson", "Svensson", "Gustafsson", "Pettersson", "Lindström", "Bergström", "Sjöberg", "Åberg",
             "Öberg", "Ekström", "Sandström", "Holmgren", "Lundgren", "Wikström", "Hägglund", "Söderberg",
             "Nordström", "Strömberg", "Lindén", "Engström", "Björk", "Håkansson"]),
        new("NO", Language.Norwegian, "Nordlys Norge AS", 22,
            ["Oslo", "Bergen"], [70, 30], "+47 9## ## ###",
            ["Bjørn", "Ole", "Lars", "Knut", "Håkon", "Sindre", "Eirik", "Magnus", "Jørgen", "Øystein", "Sigurd",
             "Torbjørn", "Ingrid", "Kari", "Solveig", "Marit", "Ragnhild", "Silje", "Ingvild", "Åse", "Tone",
             "Hanne", "Sigrid", "Ida", "Nora", "Mari"],
            ["Haugen", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
             "Berg", "Dahl", "Halvorsen", "Bakken", "Solberg", "Strand", "Lie", "Moen", "Sæther", "Hagen",
             "Bråthen", "Røed", "Løken", "Nygård", "Østby", "Aas", "Fjeld", "Haaland"]),
        new("DK", Language.Danish, "Nordlys Danmark A/S", 20,
            ["København", "Aarhus"], [70, 30], "+45 ## ## ## ##",
            ["Søren", "Mads", "Rasmus", "Frederik", "Jens", "Niels", "Anders", "Morten", "Christian", "Mikkel",
             "Jesper", "Bo", "Kasper", "Mette", "Anne", "Lene", "Pernille", "Camilla", "Louise", "Sofie", "Line",
             "Maja", "Ida", "Astrid", "Birgitte", "Signe", "Frida", "Renée"],
            ["Østergaard", "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
             "Sørensen", "Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Mortensen", "Møller", "Skovgaard",
             "Kjærgaard", "Dalsgaard", "Bæk", "Holm", "Lund", "Frandsen", "Thøgersen", "Søndergaard"]),
        new("FI", Language.Finnish, "Nordlys Suomi Oy", 18,
            ["Helsinki", "Tampere"], [70, 30], "+358 4# ### ####",
            ["Aino", "Eeva", "Päivi", "Sanna", "Kaisa", "Riikka", "Tiina", "Satu", "Johanna", "Liisa", "Minna",
             "Heidi", "Jukka", "Mikko", "Timo", "Matti", "Juha", "Antti", "Ville", "Janne", "Sami", "Pekka",
             "Väinö", "Tuomas", "Jyrki", "Henrik"],
            ["Mäkinen", "Virtanen", "Korhonen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
             "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
             "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
             "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lähteenmäki", "Pääkkönen"]),
    ];

    public static readonly DepartmentInfo[] Departments =
    [
        new("Sales", 17, "Sales Manager",
            ["Sales Representative", "Account Manager", "Key Account Manager", "Sales Coordinator", "Inside Sales Representative"]),
        new("Marketing", 8, "Marketing Manager",
            ["Marketing Specialist", "Content Creator", "Digital Marketing Specialist", "Brand Coordinator"]),
        new("HR", 6, "HR Manager", ["HR Specialist", "HR Business Partner", "Recruiter", "Payroll Specialist"]),
        new("Finance", 7, "Finance Manager",
            ["Financial Controller", "Accountant", "Financial Analyst", "Accounts Payable Specialist"]),
        new("IT", 10, "IT Manager", ["IT Support Technician", "System Administrator", "Software Developer", "IT Architect"]),
        new("Operations", 13, "Operations Manager",
            ["Logistics Coordinator", "Warehouse Specialist", "Purchasing Specialist", "Production Planner"]),
        new("Communications", 2, "Communications Manager",
            ["Communications Specialist", "Internal Communications Officer", "Press Officer"]),
        new("Legal", 3, "Head of Legal", ["Legal Counsel", "Paralegal", "Compliance Specialist"]),
        new("R&D", 14, "R&D Manager",
            ["Product Developer", "Research Engineer", "Software Engineer", "UX Designer", "Data Scientist"]),
        new("Customer Service", 13, "Customer Service Manager",
            ["Customer Service Agent", "Customer Success Specialist", "Support Coordinator"]),
    ];

    /// <summary>The executive team below the CEO; every department reports to exactly one seat.</summary>
    public static readonly ExecutiveSeat[] ExecutiveTeam =
    [
        new("Chief Sales Officer", "SE", ["Sales"]),
        new("Chief Marketing Officer", "DK", ["Marketing"]),
        new("Chief People Officer", "NO", ["HR"]),
        new("Chief Financial Officer", "SE", ["Finance", "Legal"]),
        new("Chief Information Officer", "FI", ["IT"]),
        new("Chief Operating Officer", "NO", ["Operations", "Customer Service"]),
        new("Chief Communications Officer", "SE", ["Communications"]),
        new("Chief Technology Officer", "FI", ["R&D"]),
    ];

    public static CountryInfo Country(string code) => Array.Find(Countries, c => c.Code == code)
        ?? throw new ArgumentException($"Unknown country code '{code}'.", nameof(code));
}
