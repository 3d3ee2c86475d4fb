using System.Globalization;
using AngleSharp.Html.Dom;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Reporting.Html;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>
/// The HTML report over a small in-memory network built to reach every section: hostile names, a merge cluster from a
/// stand-in <c>duplicates</c> check, both inactivity stages, a suppressed finding, silent findings and a rule without
/// a help link.
/// </summary>
public sealed class HtmlReportScenarioTests
{
    private const string ScriptName = "<script>alert(1)</script>";
    private const string ImageDescription = "\"><img src=x onerror=alert(1)> a group for testing the report";
    private const string QuotedPerson = "Bjørn \"Bear\" <b>Ås</b>";

    private const string Yaml = """
        rules:
          - id: NAM001
            title: Group names start with a country code
            category: naming
            severity: warning
            target: group
            check: naming
            options:
              pattern: "^(SE|NO|DK|FI)-\\p{Lu}"
              blockedWords: [temp]
            message: "'{group.name}' does not follow the naming convention: {reason}"
            help: https://intranet.example/community/naming
          - id: NAM002
            title: Group names are short
            category: naming
            severity: silent
            target: group
            check: naming
            options:
              maxLength: 11
            message: "'{group.name}' is long: {reason}"
          - id: ADM001
            title: Groups have an active admin
            category: structure
            severity: error
            target: group
            check: admins
            options:
              min: 1
              requireActive: true
            message: "'{group.name}' needs an admin: {reason}"
          - id: IDLE001
            title: Groups stay active
            category: activity
            severity: suggestion
            target: group
            check: inactivity
            options:
              days: 60
              archiveAfterDays: 120
            message: "'{group.name}' looks inactive: {reason}"
            outcomes:
              archive:
                id: IDLE002
                title: Silent groups are archived
                severity: warning
                message: "'{group.name}' has gone silent: {reason}"
          - id: DUP001
            title: Look-alike groups are merged
            category: structure
            severity: suggestion
            target: group
            check: duplicates
            message: "'{group.name}' has look-alikes: {groups}"
        exemptions:
          - rule: NAM001
            target: g-temp
            justification: Renamed after the <spring> migration & review.
            expires: 2026-03-20
            owner: comms@example.org
        """;

    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = new(2025, 1, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Encodes_names_descriptions_and_messages_so_no_markup_from_the_data_gets_through()
    {
        var (html, document) = await WriteScenarioAsync();
        var text = System.Text.Encoding.UTF8.GetString(html);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Empty(document.QuerySelectorAll("main b"));
        Assert.All(document.All, element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptName, text, StringComparison.Ordinal);

        // The name reads as it was written: in the findings, in the heat-map and in the tooltips.
        var finding = Assert.Single(document.Section("other").Findings(), row => row.TextContent.Contains("g-xss", StringComparison.Ordinal));
        Assert.Equal(ScriptName, finding.QuerySelector("strong")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("#chart-activity text.row-label"), label => label.TextContent == ScriptName);
        Assert.Contains(document.QuerySelectorAll("#chart-activity g.heat-row > title"), title => title.TextContent.StartsWith(ScriptName + " (g-xss)", StringComparison.Ordinal));
        var admin = Assert.Single(document.Section("problems").Findings(), row => row.TextContent.Contains("g-eko-no", StringComparison.Ordinal));
        Assert.Contains(QuotedPerson, admin.TextContent, StringComparison.Ordinal);
        var inactive = Assert.Single(document.Section("inactive").Findings(), row => row.TextContent.Contains("g-xss", StringComparison.Ordinal));
        Assert.StartsWith($"'{ScriptName}' has gone silent", inactive.QuerySelector("th")!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("Nordic <Demo> & Co — quarterly governance review, 2026-03-01", document.Title);
    }

    [Fact]
    public async Task Merge_candidates_show_the_cluster_side_by_side_with_the_group_to_keep_first_and_marked()
    {
        var (_, document) = await WriteScenarioAsync();
        var section = document.Section("merge");

        var cluster = Assert.Single(section.QuerySelectorAll("article.cluster"));
        Assert.Equal("DUP001", cluster.GetAttribute("data-rule"));
        var cards = cluster.QuerySelectorAll(".group-card").ToList();
        Assert.Equal(["g-eko-se", "g-eko-no", "g-eko-low"], cards.Select(card => card.GetAttribute("data-group")));
        Assert.Equal(["true", null, null], cards.Select(card => card.GetAttribute("data-keep")));
        Assert.Contains("keep", cards[0].ClassList);
        Assert.Equal("✓ Suggested to keep", cards[0].QuerySelector(".role")!.TextContent);
        Assert.Equal(["SE-Ekonomi", "NO-Ekonomi", "se-ekonomi"], cards.Select(card => card.QuerySelector("h4")!.TextContent));

        // Members, posts and comments, last activity.
        Assert.Equal(["3", "4", "2026-02-20"], cards[0].QuerySelectorAll("dd").Select(dd => dd.TextContent));
        Assert.Equal(["2", "1", "2025-12-05"], cards[1].QuerySelectorAll("dd").Select(dd => dd.TextContent));
        Assert.Equal(["1", "0", "never"], cards[2].QuerySelectorAll("dd").Select(dd => dd.TextContent));
        // Evidence that names two of the cluster's groups by id shows their names; other evidence reads as written.
        Assert.Equal(
            ["SE-Ekonomi ~ NO-Ekonomi: same topic 'ekonomi'", "SE-Ekonomi ~ se-ekonomi: same topic 'ekonomi'", "two more groups share members"],
            cluster.QuerySelectorAll("ul.evidence li").Select(li => li.TextContent));
        Assert.Equal(["SE-Ekonomi", "NO-Ekonomi"], cluster.QuerySelectorAll("ul.evidence li")[0].QuerySelectorAll("strong").Select(strong => strong.TextContent));
        Assert.Contains("3 groups · cohesion 0.58", cluster.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_cluster_puts_the_group_named_by_keepId_first()
    {
        var descriptor = new RuleDescriptor("DUP001", "Look-alikes", "{reason}", "structure", Severity.Suggestion);
        var finding = new Diagnostic(
            descriptor,
            Severity.Suggestion,
            "look-alikes",
            new DiagnosticTarget(TargetKind.Group, "g2"),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["groupIds"] = "g1, g2 ,g3", ["keepId"] = "g2", ["evidence"] = "a; b; c", ["cohesion"] = "0.61" });

        var cluster = MergeCluster.From(finding);

        Assert.Equal(["g2", "g1", "g3"], cluster.GroupIds);
        Assert.Equal("g2", cluster.KeepId);
        Assert.Equal(["a", "b", "c"], cluster.Evidence);
        Assert.Equal("0.61", cluster.Cohesion);
        Assert.Equal(["g1"], MergeCluster.From(new Diagnostic(descriptor, Severity.Suggestion, "m", new DiagnosticTarget(TargetKind.Group, "g1"), new Dictionary<string, string>())).GroupIds);
    }

    [Fact]
    public async Task Inactive_groups_show_the_help_and_archive_stages_with_the_last_activity()
    {
        var (_, document) = await WriteScenarioAsync();
        var rows = document.Section("inactive").Findings();

        // The archive stage (a warning) comes before the help stage (a suggestion).
        Assert.Equal("IDLE002", rows[0].GetAttribute("data-rule"));
        var quiet = Assert.Single(rows, row => row.TextContent.Contains("g-quiet", StringComparison.Ordinal));
        Assert.Equal("help", quiet.GetAttribute("data-stage"));
        Assert.Contains("2025-12-20", quiet.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Sep 2025", "Oct 2025", "Nov 2025", "Dec 2025", "Jan 2026", "Feb 2026"], quiet.QuerySelectorAll("svg.sparkline rect title").Select(title => title.TextContent.Split(':')[0]));
        Assert.Equal(["0", "0", "0", "1", "0", "0"], quiet.QuerySelectorAll("svg.sparkline rect title").Select(title => title.TextContent.Split(": ")[1]));
        var silent = Assert.Single(rows, row => row.TextContent.Contains("g-still", StringComparison.Ordinal));
        Assert.Equal("archive", silent.GetAttribute("data-stage"));
        Assert.Equal("Archive", silent.QuerySelector(".badge.stage-archive")!.TextContent);
    }

    [Fact]
    public async Task Suppressed_findings_show_the_justification_owner_and_expiry_and_count_nowhere_else()
    {
        var (report, document) = await RunScenarioAsync();
        var section = document.Section("suppressed");

        var row = Assert.Single(section.Findings());
        Assert.Equal("NAM001", row.GetAttribute("data-rule"));
        Assert.Contains("Renamed after the <spring> migration & review.", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("comms@example.org", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-20", row.QuerySelector("[data-expires]")!.GetAttribute("data-expires"));
        Assert.Equal("19 days left", row.QuerySelector(".badge.soon")!.TextContent);
        Assert.Equal(1, report.Result.Summary.Suppressed);
        Assert.Equal("1", document.QuerySelector(".card[data-severity=suppressed] .card-value")!.TextContent);
        Assert.DoesNotContain(document.Section("other").Findings(), other => other.GetAttribute("data-finding") == row.GetAttribute("data-finding"));
    }

    [Fact]
    public async Task Silent_findings_are_counted_on_a_card_but_not_listed()
    {
        var (report, document) = await RunScenarioAsync();
        var silent = report.Result.Summary.FindingsBySeverity.GetValueOrDefault(Severity.Silent);

        Assert.True(silent > 0);
        Assert.Equal(silent.ToString(CultureInfo.InvariantCulture), document.QuerySelector(".card[data-severity=silent] .card-value")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("main [data-finding][data-rule=NAM002]"));
        Assert.Equal(silent.ToString(CultureInfo.InvariantCulture), document.QuerySelector("table.rules tr[data-rule=NAM002] [data-count=findings]")!.TextContent);
    }

    [Fact]
    public async Task Help_links_become_links_and_rules_without_one_get_none()
    {
        var (_, document) = await WriteScenarioAsync();

        // The loader takes only http and https help links (a javascript: link is CR1006), so every link is a web link.
        Assert.All(document.QuerySelectorAll("a[href]"), link => Assert.Matches("^(https?://|#)", link.GetAttribute("href")!));
        var admins = document.QuerySelector("table.rules tr[data-rule=ADM001]")!;
        Assert.Null(admins.QuerySelector("a"));
        Assert.Equal("https://intranet.example/community/naming", document.QuerySelector("table.rules tr[data-rule=NAM001] a.help")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Groups_per_country_use_the_name_prefix_then_the_creators_country_then_unknown()
    {
        var (_, document) = await WriteScenarioAsync();

        var labels = document.QuerySelectorAll("#chart-countries g.bar-row").ToDictionary(
            row => row.QuerySelector("text.bar-label")!.TextContent,
            row => row.QuerySelector("text.bar-value")!.TextContent);

        // Six of eight names start with a country code, so the prefix is the country: se-ekonomi counts for SE. The
        // script group was created by a person in Iceland; Test Nowhere by nobody known. Most groups first, then by code.
        Assert.Equal(["SE", "DK", "FI", "IS", "NO", "Unknown"], labels.Keys);
        Assert.Equal(["3", "1", "1", "1", "1", "1"], labels.Values);
    }

    [Fact]
    public async Task An_empty_network_still_gives_a_whole_report_that_says_what_is_missing()
    {
        var loaded = new RuleSetLoader(Checks()).LoadText(Yaml, "rules.yaml");
        var network = InMemoryNetwork.CreateBuilder().Build();
        var result = await new RuleEngine(new FakeTimeProvider(AsOf)).AnalyzeAsync(loaded.RuleSet!, network, new AnalysisOptions { AsOf = AsOf });
        var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(new AnalysisReport(result, loaded.RuleSet!, "1.0.0", loaded.Files)));

        Assert.Equal("Network — quarterly governance review, 2026-03-01", document.Title);
        foreach (var id in new[] { "merge", "inactive", "problems", "other", "suppressed" })
        {
            Assert.NotNull(document.Section(id).QuerySelector("p.empty"));
        }

        Assert.Contains("no activity", document.Section("charts").TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("[data-finding]"));
    }

    [Fact]
    public async Task A_report_larger_than_the_write_buffer_is_whole()
    {
        var builder = InMemoryNetwork.CreateBuilder().WithManifest(new NetworkManifest { Name = "Stort nätverk", AsOf = AsOf });
        for (var i = 0; i < 1500; i++)
        {
            builder.Add(new Group { Id = $"g{i:D4}", Name = $"gruppen nummer {i} – åäö", CreatedAt = Created });
        }

        builder.Add(new Post { Id = "p1", GroupId = "g0000", CreatedAt = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero) });

        // One admin in the whole network, so the data shows it knows admins (a network with none is read as one whose
        // export lacks them); she has left, so every group still has too few.
        builder.Add(new Person { Id = "p-1", Name = "Åsa Lindqvist", Active = false }).AddMember("g0000", "p-1", MembershipRole.Admin);

        var loaded = new RuleSetLoader(Checks()).LoadText(Yaml, "rules.yaml");
        var result = await new RuleEngine(new FakeTimeProvider(AsOf)).AnalyzeAsync(loaded.RuleSet!, builder.Build(), new AnalysisOptions { AsOf = AsOf });
        var html = await HtmlReportSupport.WriteAsync(new AnalysisReport(result, loaded.RuleSet!, "1.0.0", loaded.Files));
        var document = HtmlReportSupport.Parse(html);

        Assert.True(html.Length > 4 * 64 * 1024, $"The report is only {html.Length} bytes.");
        Assert.Equal(1500, document.Section("other").Findings().Count);
        Assert.Equal(1500, document.Section("problems").Findings().Count);
        Assert.Equal(1500, document.Section("inactive").Findings().Count);
        Assert.Equal(ReportModel.HeatMapRowLimit, document.QuerySelectorAll("#chart-activity g.heat-row").Length);
        Assert.Contains("left out of the chart", document.Section("charts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_missing_arguments_leaves_the_stream_open_and_honours_cancellation()
    {
        var (report, _) = await RunScenarioAsync();
        var writer = new HtmlReportWriter();

        await Assert.ThrowsAsync<ArgumentNullException>(() => writer.WriteAsync(null!, Stream.Null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => writer.WriteAsync(report, null!, CancellationToken.None));
        using var stream = new MemoryStream();
        await writer.WriteAsync(report, stream, CancellationToken.None);
        Assert.True(stream.CanWrite);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(report, new MemoryStream(), new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(13, 15, 5)]
    [InlineData(6, 6, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(413, 500, 100)]
    public void Axes_use_round_steps(int max, int expectedMax, int expectedStep)
    {
        Assert.Equal((expectedMax, expectedStep), SvgCharts.NiceScale(max));
    }

    [Fact]
    public void Encoding_escapes_markup_quotes_and_control_characters_and_keeps_letters()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;", HtmlText.Encode("<a href=\"x\" title='y'>&amp;</a>"));
        Assert.Equal("Åsa Øberg – 😀 \uFFFD \uFFFD", HtmlText.Encode("Åsa Øberg – 😀 \u0001 \ud800"));
        Assert.Equal("a \nb", HtmlText.Encode("a\r\nb"));
        Assert.Equal("SE-Arbetsgr…", HtmlText.Shorten("SE-Arbetsgruppen", 12));
    }

    private static IReadOnlyList<Check> Checks() =>
        [.. BuiltInChecks.Create().Where(check => check.Kind != "duplicates"), new StandInDuplicatesCheck()];

    private static async Task<(AnalysisReport Report, IHtmlDocument Document)> RunScenarioAsync()
    {
        var loaded = new RuleSetLoader(Checks()).LoadText(Yaml, "rules.yaml");
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));

        DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);
        var network = InMemoryNetwork.CreateBuilder()
            .WithManifest(new NetworkManifest { Name = "Nordic <Demo> & Co", Source = "unit test", AsOf = AsOf })
            .Add(new Person { Id = "u1", Name = "Åsa Öberg", Country = "SE" })
            .Add(new Person { Id = "u2", Name = QuotedPerson, Country = "NO", Active = false })
            .Add(new Person { Id = "u3", Name = "Jón Jónsson", Country = "is" })
            .Add(new Group { Id = "g-eko-se", Name = "SE-Ekonomi", Description = "Ekonomi för alla i Sverige.", CreatedAt = Created, CreatedBy = "u1" })
            .Add(new Group { Id = "g-eko-no", Name = "NO-Ekonomi", Description = "Økonomi for alle i Norge.", CreatedAt = Created, CreatedBy = "u2" })
            .Add(new Group { Id = "g-eko-low", Name = "se-ekonomi", CreatedAt = Created, CreatedBy = "u3" })
            .Add(new Group { Id = "g-xss", Name = ScriptName, Description = ImageDescription, CreatedAt = Created, CreatedBy = "u3" })
            .Add(new Group { Id = "g-temp", Name = "SE-Temp", CreatedAt = Created, CreatedBy = "u1" })
            .Add(new Group { Id = "g-quiet", Name = "FI-Tyst", CreatedAt = Created })
            .Add(new Group { Id = "g-still", Name = "DK-Stille", CreatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) })
            .Add(new Group { Id = "g-nowhere", Name = "Test Nowhere", CreatedAt = Created, CreatedBy = "u-missing" })
            .AddMember("g-eko-se", "u1", MembershipRole.Admin)
            .AddMember("g-eko-se", "u2")
            .AddMember("g-eko-se", "u3")
            .AddMember("g-eko-no", "u2", MembershipRole.Admin)
            .AddMember("g-eko-no", "u1")
            .AddMember("g-eko-low", "u3", MembershipRole.Admin)
            .AddMember("g-xss", "u1", MembershipRole.Admin)
            .AddMember("g-temp", "u1", MembershipRole.Admin)
            .AddMember("g-quiet", "u1", MembershipRole.Admin)
            .AddMember("g-still", "u1", MembershipRole.Admin)
            .AddMember("g-nowhere", "u1", MembershipRole.Admin)
            .Add(new Post { Id = "p1", GroupId = "g-eko-se", AuthorId = "u1", CreatedAt = Day(2026, 1, 12), Text = "Budget 2026." })
            .Add(new Post { Id = "p2", GroupId = "g-eko-se", AuthorId = "u1", CreatedAt = Day(2026, 2, 20), Text = "Bokslut klart." })
            .Add(new Comment { Id = "c1", PostId = "p1", AuthorId = "u3", CreatedAt = Day(2026, 1, 13), Text = "Tack!" })
            .Add(new Comment { Id = "c2", PostId = "p2", AuthorId = "u3", CreatedAt = Day(2026, 2, 20), Text = "<b>Bra</b> jobbat" })
            .Add(new Post { Id = "p3", GroupId = "g-eko-no", AuthorId = "u2", CreatedAt = Day(2025, 12, 5), Text = "Budsjett." })
            .Add(new Post { Id = "p4", GroupId = "g-quiet", AuthorId = "u1", CreatedAt = Day(2025, 12, 20), Text = "Hei." })
            .Add(new Post { Id = "p5", GroupId = "g-temp", AuthorId = "u1", CreatedAt = Day(2026, 2, 2), Text = "Flytt." })
            .Add(new Post { Id = "p6", GroupId = "g-nowhere", AuthorId = "u1", CreatedAt = Day(2026, 2, 3), Text = "Hej." })
            .Build();

        var result = await new RuleEngine(new FakeTimeProvider(AsOf)).AnalyzeAsync(loaded.RuleSet!, network, new AnalysisOptions { AsOf = AsOf });
        var report = new AnalysisReport(result, loaded.RuleSet!, "1.0.0", loaded.Files);
        return (report, HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(report)));
    }

    private static async Task<(byte[] Html, IHtmlDocument Document)> WriteScenarioAsync()
    {
        var (report, _) = await RunScenarioAsync();
        var html = await HtmlReportSupport.WriteAsync(report);
        return (html, HtmlReportSupport.Parse(html));
    }
}

/// <summary>The options of the stand-in <c>duplicates</c> check: none.</summary>
public sealed class StandInDuplicatesOptions
{
}

/// <summary>
/// Stands in for the real <c>duplicates</c> check with the same evidence: groups whose names differ only in the
/// country prefix and case form a cluster, the most active group first.
/// </summary>
internal sealed class StandInDuplicatesCheck : Check<StandInDuplicatesOptions>
{
    public override string Kind => "duplicates";

    public override string Description => "Test stand-in: groups whose names differ only in the country prefix and case.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "groupIds", "groups", "keep", "keepId", "evidence", "size", "cohesion"];

    protected override void Initialize(CheckInitializationContext context, StandInDuplicatesOptions options) =>
        context.RegisterEndAction(end =>
        {
            var clusters = end.GroupsInScope
                .Where(group => group.Name is { Length: > 3 } && group.Name[2] == '-')
                .GroupBy(group => group.Name![3..].ToLowerInvariant(), StringComparer.Ordinal)
                .Where(cluster => cluster.Count() > 1);
            foreach (var cluster in clusters)
            {
                var groups = cluster
                    .OrderByDescending(group => end.Network.GetActivity(group.Id).Posts + end.Network.GetActivity(group.Id).Comments)
                    .ThenBy(group => group.Id, StringComparer.Ordinal)
                    .ToList();
                var keep = groups[0];
                end.Report(
                    keep,
                    new MessageArgument("reason", $"{groups.Count} groups share the topic '{cluster.Key}'"),
                    new MessageArgument("groupIds", string.Join(',', groups.Select(group => group.Id))),
                    new MessageArgument("groups", string.Join(", ", groups.Select(group => group.Name))),
                    new MessageArgument("keep", keep.Name!),
                    new MessageArgument("keepId", keep.Id),
                    new MessageArgument("evidence", string.Join("; ", groups.Skip(1).Select(group => $"{keep.Id} ~ {group.Id}: same topic '{cluster.Key}'").Append("two more groups share members"))),
                    new MessageArgument("size", groups.Count.ToString(CultureInfo.InvariantCulture)),
                    new MessageArgument("cohesion", "0.58"));
            }
        });
}
