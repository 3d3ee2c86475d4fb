using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Checks.BuiltIn.Duplicates;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The <c>duplicates</c> check: a whole engine run with only the duplicates rule over generated networks of 1,000 and
/// 10,000 groups, against the naive way on the 1,000-group network: the same scoring over every pair of groups
/// (n² / 2 = 499,500 pairs) instead of the candidate pairs the inverted indexes propose. Ratio is the gain.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DuplicatesBenchmarks
{
    private const string Rule = """
        rules:
          - id: DUP
            title: Look-alike groups are merged
            severity: suggestion
            target: group
            where: { archived: false }
            check: CHECK
            message: "'{group.name}' has look-alike groups: {reason}."
        """;

    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _blocked = null!;
    private RuleSet _allPairs = null!;
    private InMemoryNetwork _small = null!;
    private InMemoryNetwork _large = null!;

    /// <summary>Generates both networks, loads both rules, and checks that both ways find the same clusters, the planted ones among them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var loader = new RuleSetLoader([.. BuiltInChecks.Create(), new AllPairsDuplicatesCheck()]);
        _blocked = loader.LoadText(Rule.Replace("CHECK", "duplicates", StringComparison.Ordinal)).RuleSet
            ?? throw new InvalidOperationException("The duplicates rule did not load.");
        _allPairs = loader.LoadText(Rule.Replace("CHECK", "allPairsDuplicates", StringComparison.Ordinal)).RuleSet
            ?? throw new InvalidOperationException("The all-pairs rule did not load.");

        (_small, var smallTwins) = DuplicateNetworkGenerator.Generate(1_000, seed: 2026);
        (_large, var largeTwins) = DuplicateNetworkGenerator.Generate(10_000, seed: 2026);

        var blocked = Clusters(BlockedSmall().GetAwaiter().GetResult());
        var allPairs = Clusters(AllPairsSmall().GetAwaiter().GetResult());
        if (!blocked.SequenceEqual(allPairs, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: blocking found {blocked.Count} clusters, all pairs {allPairs.Count}, not the same.");
        }

        Report("1,000", blocked, smallTwins);
        Report("10,000", Clusters(BlockedLarge().GetAwaiter().GetResult()), largeTwins);
    }

    /// <summary>The naive way: the same scoring over every pair of the 1,000 groups.</summary>
    /// <returns>The findings.</returns>
    [Benchmark(Baseline = true, Description = "All pairs, 1,000 groups")]
    public Task<AnalysisResult> AllPairsSmall() => _engine.AnalyzeAsync(_allPairs, _small);

    /// <summary>The check as shipped over the 1,000 groups: candidate pairs from the inverted indexes only.</summary>
    /// <returns>The findings.</returns>
    [Benchmark(Description = "Blocking, 1,000 groups")]
    public Task<AnalysisResult> BlockedSmall() => _engine.AnalyzeAsync(_blocked, _small);

    /// <summary>The check as shipped over 10,000 groups.</summary>
    /// <returns>The findings.</returns>
    [Benchmark(Description = "Blocking, 10,000 groups")]
    public Task<AnalysisResult> BlockedLarge() => _engine.AnalyzeAsync(_blocked, _large);

    private static List<string> Clusters(AnalysisResult result) =>
        [.. result.Diagnostics.Where(finding => finding.Rule.Id == "DUP").Select(finding => finding.Properties["groupIds"])];

    private static void Report(string size, List<string> clusters, IReadOnlyList<(string Original, string Twin)> twins)
    {
        var pairs = clusters.Select(cluster => cluster.Split(", ").ToHashSet(StringComparer.Ordinal)).ToList();
        var found = twins.Count(twin => pairs.Any(cluster => cluster.Contains(twin.Original) && cluster.Contains(twin.Twin)));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Sanity: {size} groups: {clusters.Count} clusters of {clusters.Sum(c => c.Split(", ").Length)} groups; {found} of {twins.Count} planted twins found."));
        if (found < twins.Count * 0.9)
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: only {found} of {twins.Count} planted twins were found in {size} groups.");
        }
    }

    /// <summary>The duplicates check without blocking: every pair scored. Only for this benchmark's baseline.</summary>
    internal sealed class AllPairsDuplicatesCheck : Check<DuplicatesOptions>
    {
        /// <inheritdoc/>
        public override string Kind => "allPairsDuplicates";

        /// <inheritdoc/>
        public override string Description => "The duplicates check, comparing every pair of groups.";

        /// <inheritdoc/>
        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

        /// <inheritdoc/>
        public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "groupIds"];

        /// <inheritdoc/>
        protected override void Initialize(CheckInitializationContext context, DuplicatesOptions options)
        {
            var settings = new DuplicateSettings(options);
            DuplicateRun.Register(context, settings, allPairs: true, (end, clusters) =>
            {
                foreach (var cluster in clusters)
                {
                    var others = string.Join(", ", cluster.Groups.Skip(1).Select(group => $"'{group.Name}'"));
                    end.Report(
                        cluster.Keep,
                        new MessageArgument("reason", $"{others} look like it"),
                        new MessageArgument("groupIds", string.Join(", ", cluster.Groups.Select(group => group.Id))));
                }
            });
        }
    }
}

/// <summary>
/// Generates a Nordic company's groups in memory, deterministically: all-staff groups per country, a group per
/// department and city, hobby groups per city, projects, and a planted look-alike twin for about 1 % of the groups
/// (the same theme spelt another way, most of the same members).
/// </summary>
internal static class DuplicateNetworkGenerator
{
    private static readonly (string Code, string AllStaff, double Share, string[] Cities)[] Countries =
    [
        ("SE", "Alla på Nordlys Sverige", 0.4, ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Linköping"]),
        ("NO", "Alle i Nordlys Norge", 0.25, ["Oslo", "Bergen", "Trondheim", "Stavanger"]),
        ("DK", "Alle i Nordlys Danmark", 0.2, ["København", "Aarhus", "Odense", "Aalborg"]),
        ("FI", "Kaikki Nordlys Suomi", 0.15, ["Helsinki", "Tampere", "Turku", "Oulu"]),
    ];

    // A theme's topic, its word in Swedish, Norwegian, Danish and Finnish, and in English.
    private static readonly (string Topic, string[] Words, string English)[] Departments =
    [
        ("finance", ["Ekonomi", "Økonomi", "Økonomi", "Talous"], "Finance"),
        ("hr", ["Personal", "Personal", "Personale", "Henkilöstö"], "People"),
        ("sales", ["Sälj", "Salg", "Salg", "Myynti"], "Sales"),
        ("marketing", ["Marknad", "Markedsføring", "Marketing", "Markkinointi"], "Marketing"),
        ("it", ["IT-support", "IT Brukerstøtte", "IT Support", "IT Tuki"], "IT Support"),
        ("logistics", ["Logistik", "Logistikk", "Logistik", "Logistiikka"], "Logistics"),
        ("legal", ["Juridik", "Jus og kontrakter", "Jura", "Lakiasiat"], "Legal"),
        ("procurement", ["Inköp", "Innkjøp", "Indkøb", "Hankinnat"], "Procurement"),
        ("communications", ["Kommunikation", "Kommunikasjon", "Kommunikation", "Viestintä"], "Communications"),
        ("product", ["Produktutveckling", "Produktutvikling", "Produktudvikling", "Tuotekehitys"], "Product"),
        ("customer-service", ["Kundservice", "Kundeservice", "Kundeservice", "Asiakaspalvelu"], "Customer Service"),
        ("development", ["Utvecklare", "Utviklere", "Udviklere", "Ohjelmistokehittäjät"], "Developers"),
        ("quality", ["Kvalitet", "Kvalitet", "Kvalitet", "Laatu"], "Quality"),
        ("security", ["Säkerhet", "Sikkerhet", "Sikkerhed", "Turvallisuus"], "Security"),
        ("data", ["Dataanalys", "Dataanalyse", "Dataanalyse", "Data-analytiikka"], "Data"),
    ];

    private static readonly (string Topic, string[] Words, string English)[] Hobbies =
    [
        ("running", ["Löpning", "Løping", "Løb", "Juoksu"], "Running"),
        ("cycling", ["Cykling", "Sykling", "Cykelklub", "Pyöräily"], "Cycling"),
        ("books", ["Bokklubb", "Bokklubb", "Bogklub", "Lukupiiri"], "Book Club"),
        ("photography", ["Fotoklubb", "Fotoklubb", "Fotoklub", "Valokuvaus"], "Photography"),
        ("wellbeing", ["Friskvård", "Trening og helse", "Sundhed og trivsel", "Hyvinvointi"], "Wellbeing"),
        ("parents", ["Föräldranätverk", "Foreldrenettverk", "Forældrenetværk", "Vanhemmat"], "Parents"),
        ("music", ["Musik", "Musikk", "Musik", "Musiikki"], "Music"),
        ("sustainability", ["Hållbarhet", "Bærekraft", "Bæredygtighed", "Kestävä kehitys"], "Sustainability"),
        ("games", ["Brädspel", "Brettspill", "Brætspil", "Lautapelit"], "Board Games"),
        ("outdoors", ["Friluftsliv", "Friluftsliv", "Friluftsliv", "Retkeily"], "Outdoors"),
    ];

    private static readonly string[] ProjectNames =
    [
        "Polstjärnan", "Nordavind", "Havbrise", "Revontuli", "Vinterljus", "Fyrtårn", "Norrsken", "Pohjantähti", "Midnattsol",
        "Fjällräv", "Kompass", "Ankaret", "Bølgen", "Tunturi", "Skärgård", "Fjorden", "Lyngheden", "Saaristo", "Isbjørn", "Gryning",
    ];

    private static readonly string[][] Templates =
    [
        ["Här samlas vi som arbetar med {0} för att dela nyheter, frågor och goda exempel.", "Forum för {0}: information, diskussioner och tips från kollegor."],
        ["Her samles vi som jobber med {0} for å dele nyheter, spørsmål og gode eksempler.", "Forum for {0}: informasjon, diskusjoner og tips fra kolleger."],
        ["Her samles vi, der arbejder med {0}, for at dele nyheder, spørgsmål og gode eksempler.", "Forum for {0}: information, diskussioner og tips fra kolleger."],
        ["Ryhmä kaikille, jotka työskentelevät aiheen {0} parissa: uutisia, kysymyksiä ja hyviä käytäntöjä.", "Keskustelupalsta aiheesta {0}: tiedotteita, keskustelua ja vinkkejä kollegoilta."],
    ];

    /// <summary>Generates a network with <paramref name="groups"/> groups and five people per group.</summary>
    /// <returns>The network, and the planted twins as (original id, twin id).</returns>
    public static (InMemoryNetwork Network, IReadOnlyList<(string Original, string Twin)> Twins) Generate(int groups, int seed)
    {
        var random = new Random(seed);
        var builder = InMemoryNetwork.CreateBuilder()
            .WithManifest(new NetworkManifest { Name = $"Generated ({groups} groups)", AsOf = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) });

        // People: a country, a city in it and a department; pools by city and department, by city, by department, by country.
        var people = groups * 5;
        var byCityDepartment = new Dictionary<(int Country, int City, int Department), List<string>>();
        var byCity = new Dictionary<(int Country, int City), List<string>>();
        var byDepartment = new Dictionary<(int Country, int Department), List<string>>();
        var byCountry = new Dictionary<int, List<string>>();
        for (var p = 0; p < people; p++)
        {
            var id = "p" + p.ToString("D6", CultureInfo.InvariantCulture);
            var country = PickCountry(random);
            var city = random.Next(Countries[country].Cities.Length);
            var department = random.Next(Departments.Length);
            builder.Add(new Person { Id = id, Name = "Person " + p.ToString(CultureInfo.InvariantCulture), Country = Countries[country].Code, Office = Countries[country].Cities[city] });
            Pool(byCityDepartment, (country, city, department)).Add(id);
            Pool(byCity, (country, city)).Add(id);
            Pool(byDepartment, (country, department)).Add(id);
            Pool(byCountry, country).Add(id);
        }

        var planned = new List<Planned>();

        // One all-staff group per country, a group per department and city, a hobby group per city.
        for (var c = 0; c < Countries.Length; c++)
        {
            var code = Countries[c].Code;
            planned.Add(new($"{code}-{Countries[c].AllStaff}", $"News for everyone at {Countries[c].AllStaff}.", ["company-news"], Pool(byCountry, c), c, null));
            for (var city = 0; city < Countries[c].Cities.Length; city++)
            {
                var cityName = Countries[c].Cities[city];
                for (var d = 0; d < Departments.Length; d++)
                {
                    var (topic, words, english) = Departments[d];
                    planned.Add(Themed(code, words[c], english, cityName, [topic, NameText.Fold(cityName)], Pool(byCityDepartment, (c, city, d)), c));
                }

                foreach (var (topic, words, english) in Hobbies)
                {
                    planned.Add(Themed(code, words[c], english, cityName, [topic], Sample(random, Pool(byCity, (c, city)), random.Next(8, 40)), c));
                }
            }
        }

        // Projects fill the rest but 1 %: a few people of one department across the country, and a few others.
        var projectNumber = 0;
        while (planned.Count < groups * 0.99)
        {
            var c = PickCountry(random);
            var d = random.Next(Departments.Length);
            var name = $"Projekt {ProjectNames[random.Next(ProjectNames.Length)]} {++projectNumber}";
            var members = Sample(random, Pool(byDepartment, (c, d)), random.Next(2, 6));
            members.AddRange(Sample(random, Pool(byCountry, c), random.Next(3, 11)));
            planned.Add(new($"{Countries[c].Code}-{name}", string.Format(CultureInfo.InvariantCulture, Templates[c][random.Next(2)], name), ["project", Departments[d].Topic], members, c, null));
        }

        // Twins, the last 1 %: a department or hobby group created again, spelt another way, with most of the same people.
        var twins = new List<(int Original, int Twin)>();
        var structural = Countries.Sum(country => country.Cities.Length) * (Departments.Length + Hobbies.Length);
        while (planned.Count < groups)
        {
            var index = random.Next(Countries.Length + structural);
            var original = planned[index];
            if (original.English is null || original.Members.Count < 5 || twins.Any(twin => twin.Original == index))
            {
                continue;
            }

            var name = random.Next(3) switch
            {
                0 => original.Name.ToLowerInvariant(),
                1 => original.Name[..3] + original.English,
                _ => original.Name + " (ny)",
            };
            var members = Sample(random, original.Members, (int)(original.Members.Count * (0.5 + (random.NextDouble() * 0.4))));
            members.AddRange(Sample(random, Pool(byCountry, original.Language), random.Next(1, 6)));
            twins.Add((index, planned.Count));
            planned.Add(original with { Name = name, Members = members });
        }

        for (var g = 0; g < planned.Count; g++)
        {
            var id = Id(g);
            var group = planned[g];
            builder.Add(new Group { Id = id, Name = group.Name, Description = group.Description, Topics = group.Topics, Privacy = GroupPrivacy.Open });
            foreach (var member in group.Members.Distinct(StringComparer.Ordinal))
            {
                builder.AddMember(id, member);
            }

            // A little activity, so the group to keep is chosen by posts and not only by members.
            for (var post = random.Next(4); post > 0; post--)
            {
                builder.Add(new Post
                {
                    Id = $"{id}-x{post}",
                    GroupId = id,
                    AuthorId = group.Members.Count > 0 ? group.Members[random.Next(group.Members.Count)] : null,
                    CreatedAt = new DateTimeOffset(2026, 9, 1 + random.Next(28), 9, 0, 0, TimeSpan.Zero),
                    Text = "Hej!",
                });
            }
        }

        return (builder.Build(), [.. twins.Select(twin => (Id(twin.Original), Id(twin.Twin)))]);

        static string Id(int index) => "g" + index.ToString("D5", CultureInfo.InvariantCulture);
    }

    private static Planned Themed(string code, string word, string english, string city, string[] topics, List<string> members, int language) =>
        new($"{code}-{word} {city}", string.Format(CultureInfo.InvariantCulture, Templates[language][0], $"{word} {city}"), topics, members, language, $"{english} {city}");

    private static int PickCountry(Random random)
    {
        var roll = random.NextDouble();
        for (var c = 0; c < Countries.Length - 1; c++)
        {
            roll -= Countries[c].Share;
            if (roll < 0)
            {
                return c;
            }
        }

        return Countries.Length - 1;
    }

    private static List<string> Pool<TKey>(Dictionary<TKey, List<string>> pools, TKey key)
        where TKey : notnull
    {
        if (!pools.TryGetValue(key, out var pool))
        {
            pools[key] = pool = [];
        }

        return pool;
    }

    private static List<string> Sample(Random random, List<string> pool, int count)
    {
        if (count >= pool.Count)
        {
            return [.. pool];
        }

        // A partial Fisher–Yates over a copy of the indexes: count distinct people.
        var indexes = Enumerable.Range(0, pool.Count).ToArray();
        var sample = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, indexes.Length);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
            sample.Add(pool[indexes[i]]);
        }

        return sample;
    }

    /// <summary>A group to generate: name, description, topics, members, language (country index) and its name in English, if it has one.</summary>
    private sealed record Planned(string Name, string Description, string[] Topics, List<string> Members, int Language, string? English);
}
