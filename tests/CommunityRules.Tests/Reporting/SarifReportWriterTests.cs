using System.Text;
using System.Text.Json;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CommunityRules.Tests.Reporting;

public sealed class SarifReportWriterTests
{
    [Fact]
    public async Task Carries_the_people_responsible_in_each_results_properties_when_there_are_any()
    {
        var report = await ResponsiblePeopleTests.RollUpReportAsync();
        using var document = JsonDocument.Parse(await ReportScenario.WriteAsync(new SarifReportWriter(), report));
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("ROL-", StringComparison.Ordinal))
            .ToDictionary(result => result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()!);

        var post = results["group/g-sales/post/po-lars"].GetProperty("properties");
        Assert.Equal(["evidence", "responsible"], post.EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            ["p-asa admin True", "p-soren admin True"],
            post.GetProperty("responsible").EnumerateArray().Select(person => $"{person.GetProperty("id").GetString()} {person.GetProperty("role").GetString()} {person.GetProperty("primary").GetBoolean()}"));
        Assert.False(results["group/g-orphan"].GetProperty("properties").TryGetProperty("responsible", out _));
    }

    [Fact]
    public async Task Output_is_valid_against_the_official_SARIF_2_1_0_schema()
    {
        var report = await ReportScenario.CreateAsync();
        var text = Encoding.UTF8.GetString(await ReportScenario.WriteAsync(new SarifReportWriter(), report));
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);

        var errors = schema.Validate(text);

        Assert.True(errors.Count == 0, "The SARIF log breaks the schema:\n" + Describe(errors, indent: "  "));
    }

    [Fact]
    public async Task Declares_the_schema_the_version_and_one_run_of_the_tool()
    {
        using var log = await WriteLogAsync();
        var root = log.RootElement;
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var driver = run.GetProperty("tool").GetProperty("driver");

        Assert.Equal(SarifReportWriter.SchemaUri, root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("CommunityRules", driver.GetProperty("name").GetString());
        Assert.Equal(ReportScenario.ToolVersion, driver.GetProperty("semanticVersion").GetString());
        Assert.True(Uri.IsWellFormedUriString(driver.GetProperty("informationUri").GetString(), UriKind.Absolute));
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray().ToList());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task Maps_severities_to_levels()
    {
        using var log = await WriteLogAsync();

        var levels = Results(log)
            .Where(result => !result.TryGetProperty("suppressions", out _))
            .GroupBy(result => result.GetProperty("ruleId").GetString()!)
            .ToDictionary(group => group.Key, group => group.Select(result => result.GetProperty("level").GetString()).Distinct().Single());

        Assert.Equal("error", levels["NAM001"]);
        Assert.Equal("warning", levels["POST001"]);
        Assert.Equal("warning", levels["CR0002"]);
        Assert.Equal("warning", levels["CR0100"]);
        Assert.Equal("note", levels["DSC001"]);
        Assert.Equal("none", levels["NAM002"]);
    }

    [Fact]
    public async Task A_suppressed_finding_stays_in_the_log_with_its_justification()
    {
        using var log = await WriteLogAsync();

        var suppressed = Assert.Single(Results(log).Where(result => result.TryGetProperty("suppressions", out _)).ToList());
        var suppression = Assert.Single(suppressed.GetProperty("suppressions").EnumerateArray().ToList());

        Assert.Equal("NAM001", suppressed.GetProperty("ruleId").GetString());
        Assert.Equal("error", suppressed.GetProperty("level").GetString());
        Assert.Equal("group/g-temp", LogicalLocation(suppressed).GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.Equal(ReportScenario.Justification, suppression.GetProperty("justification").GetString());
        var properties = suppression.GetProperty("properties");
        Assert.Equal("2026-12-31", properties.GetProperty("expires").GetString());
        Assert.Equal("comms@example.org", properties.GetProperty("owner").GetString());
        Assert.StartsWith("rules.yaml(", properties.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_result_has_its_fingerprint_and_the_index_of_its_rule()
    {
        var report = await ReportScenario.CreateAsync();
        using var log = JsonDocument.Parse(await ReportScenario.WriteAsync(new SarifReportWriter(), report));
        var rules = Rules(log).ToList();
        var results = Results(log).ToList();

        Assert.Equal(report.Result.Diagnostics.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(report.Result.Diagnostics[i].Rule.Id, ruleId);
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(report.Result.Diagnostics[i].Fingerprint, result.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString());
            Assert.Equal(report.Result.Diagnostics[i].Message, result.GetProperty("message").GetProperty("text").GetString());
        }

        Assert.Equal(results.Count, results.Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Describes_each_rule_as_a_reporting_descriptor()
    {
        using var log = await WriteLogAsync();
        var rules = Rules(log).ToDictionary(rule => rule.GetProperty("id").GetString()!);

        Assert.Equal(["NAM001", "DSC001", "NAM002", "OFF001", "POST001", "CR0002", "CR0100"], Rules(log).Select(rule => rule.GetProperty("id").GetString()));
        var naming = rules["NAM001"];
        Assert.Equal("GroupNamesAvoidPlaceholderWords", naming.GetProperty("name").GetString());
        Assert.Equal("Group names avoid placeholder words", naming.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("Names such as test or temp tell members nothing.", naming.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal("Group '{{group.name}}' has a poor name: {{reason}}", naming.GetProperty("messageStrings").GetProperty("default").GetProperty("text").GetString());
        Assert.Equal("https://intranet.example/community/naming", naming.GetProperty("helpUri").GetString());
        Assert.Equal("error", naming.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("naming", naming.GetProperty("properties").GetProperty("category").GetString());
        Assert.Equal(["naming", "hygiene"], naming.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.False(rules["DSC001"].TryGetProperty("fullDescription", out _));
        Assert.False(rules["OFF001"].GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean());
        Assert.Equal("warning", rules["CR0100"].GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Records_severities_changed_by_configuration_as_overrides()
    {
        using var log = await WriteLogAsync();
        var run = log.RootElement.GetProperty("runs")[0];
        var invocation = run.GetProperty("invocations")[0];

        var change = Assert.Single(invocation.GetProperty("ruleConfigurationOverrides").EnumerateArray().ToList());

        Assert.Equal("DSC001", change.GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal("DSC001", Rules(log).ElementAt(change.GetProperty("descriptor").GetProperty("index").GetInt32()).GetProperty("id").GetString());
        Assert.Equal("note", change.GetProperty("configuration").GetProperty("level").GetString());
        Assert.Equal("warning", Rules(log).Single(rule => rule.GetProperty("id").GetString() == "DSC001").GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Locates_groups_and_posts_logically_and_configuration_in_its_file()
    {
        using var log = await WriteLogAsync();
        var results = Results(log).ToList();

        var group = results.First(result => result.GetProperty("ruleId").GetString() == "NAM001");
        Assert.Equal("test – Malmö", LogicalLocation(group).GetProperty("name").GetString());
        Assert.Equal("group/g-test", LogicalLocation(group).GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("group", LogicalLocation(group).GetProperty("kind").GetString());
        Assert.False(group.GetProperty("locations")[0].TryGetProperty("physicalLocation", out _));

        var post = results.Single(result => result.GetProperty("ruleId").GetString() == "POST001");
        Assert.Equal("group/g-sales/post/p-shout", LogicalLocation(post).GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("post", LogicalLocation(post).GetProperty("kind").GetString());

        var expired = results.Single(result => result.GetProperty("ruleId").GetString() == "CR0100");
        var physical = expired.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("rules.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var (line, column) = ReportScenario.PositionOf("rule: DSC001");
        Assert.Equal(line, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(column, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("configuration", LogicalLocation(expired).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Carries_the_run_summary_in_the_run_properties()
    {
        using var log = await WriteLogAsync();
        var properties = log.RootElement.GetProperty("runs")[0].GetProperty("properties");

        Assert.Equal("2026-03-01T00:00:00Z", properties.GetProperty("asOf").GetString());
        Assert.Equal(["rules.yaml"], properties.GetProperty("ruleFiles").EnumerateArray().Select(file => file.GetString()));
        Assert.Equal(4, properties.GetProperty("rulesRun").GetInt32());
        Assert.Equal(4, properties.GetProperty("read").GetProperty("groups").GetInt64());
        Assert.Equal(1, properties.GetProperty("findings").GetProperty("error").GetInt32());
        Assert.Equal(3, properties.GetProperty("findings").GetProperty("warning").GetInt32());
        Assert.Equal(2, properties.GetProperty("findings").GetProperty("suggestion").GetInt32());
        Assert.Equal(1, properties.GetProperty("findings").GetProperty("silent").GetInt32());
        Assert.Equal(1, properties.GetProperty("suppressed").GetInt32());
        Assert.Equal(2, properties.GetProperty("byRule").GetProperty("DSC001").GetInt32());
    }

    [Fact]
    public async Task Writes_the_same_UTF8_bytes_every_time_without_a_byte_order_mark_or_carriage_returns()
    {
        var report = await ReportScenario.CreateAsync();
        var writer = new SarifReportWriter();

        var first = await ReportScenario.WriteAsync(writer, report);
        var second = await ReportScenario.WriteAsync(writer, await ReportScenario.CreateAsync());

        Assert.Equal(first, second);
        Assert.Equal((byte)'{', first[0]);
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal("}\n", Encoding.UTF8.GetString(first[^2..]));
        Assert.Contains("Malmö", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
        Assert.Equal("sarif", writer.Format);
    }

    [Fact]
    public async Task Leaves_the_stream_open()
    {
        var report = await ReportScenario.CreateAsync();
        using var stream = new MemoryStream();

        await new SarifReportWriter().WriteAsync(report, stream, CancellationToken.None);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Theory]
    [InlineData("rules.yaml", "rules.yaml")]
    [InlineData("rules/governance.yaml", "rules/governance.yaml")]
    [InlineData("rules\\governance.yaml", "rules/governance.yaml")]
    [InlineData("../shared/rules.yaml", "../shared/rules.yaml")]
    [InlineData("my rules/försäljning.yaml", "my%20rules/f%C3%B6rs%C3%A4ljning.yaml")]
    [InlineData("builtin:governance", "builtin:governance")]
    public void Writes_file_paths_as_relative_URIs_with_forward_slashes(string path, string expected) =>
        Assert.Equal(expected, SarifReportWriter.ArtifactUri(path, Path.GetTempPath()));

    [Fact]
    public void Writes_absolute_paths_relative_to_the_base_directory_or_as_file_URIs()
    {
        var baseDirectory = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Equal("rules/a.yaml", SarifReportWriter.ArtifactUri(Path.Combine(baseDirectory, "rules", "a.yaml"), baseDirectory));
        var outside = SarifReportWriter.ArtifactUri(Path.Combine(Path.GetTempPath(), "elsewhere", "a.yaml"), baseDirectory);
        Assert.StartsWith("file:///", outside, StringComparison.Ordinal);
        Assert.EndsWith("/elsewhere/a.yaml", outside, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Group names avoid placeholder words", "GroupNamesAvoidPlaceholderWords")]
    [InlineData("A record could not be read", "ARecordCouldNotBeRead")]
    [InlineData("Don't shout in post titles", "DontShoutInPostTitles")]
    [InlineData("Gruppnamn börjar med land", "GruppnamnBörjarMedLand")]
    [InlineData("!!!", "FALLBACK")]
    public void Names_rules_in_PascalCase_from_their_titles(string title, string expected) =>
        Assert.Equal(expected, SarifReportWriter.PascalCase(title, "FALLBACK"));

    [Fact]
    public void Doubles_literal_braces_in_message_strings() =>
        Assert.Equal("Group '{{group.name}}' uses {{{{ and }}}}", SarifReportWriter.MessageText("Group '{group.name}' uses {{ and }}"));

    private static async Task<JsonDocument> WriteLogAsync() =>
        JsonDocument.Parse(await ReportScenario.WriteAsync(new SarifReportWriter(), await ReportScenario.CreateAsync()));

    private static JsonElement.ArrayEnumerator Results(JsonDocument log) =>
        log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();

    private static JsonElement.ArrayEnumerator Rules(JsonDocument log) =>
        log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray();

    private static JsonElement LogicalLocation(JsonElement result) =>
        Assert.Single(result.GetProperty("locations")[0].GetProperty("logicalLocations").EnumerateArray().ToList());

    private static string Describe(IEnumerable<ValidationError> errors, string indent)
    {
        var text = new StringBuilder();
        foreach (var error in errors)
        {
            text.Append(indent).Append(error.Kind).Append(" at ").Append(error.Path).Append(" (line ").Append(error.LineNumber).Append(')').Append('\n');
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in child.Errors.Values)
                {
                    text.Append(Describe(nested, indent + "  "));
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// One small, fixed run that both reporter tests write: built-in checks plus a third-party check on posts, severity
/// overrides, a rule switched off, an active and an expired exemption, and a post in a group the data does not have.
/// </summary>
internal static class ReportScenario
{
    public const string ToolVersion = "1.2.3";
    public const string RuleFile = "rules.yaml";
    public const string Justification = "Kept for the spring migration; renamed in April.";

    public const string Yaml = """
        severity:
          DSC001: suggestion
        rules:
          - id: NAM001
            title: Group names avoid placeholder words
            description: Names such as test or temp tell members nothing.
            category: naming
            severity: error
            target: group
            check: naming
            options:
              blockedWords: [test, temp]
            message: "Group '{group.name}' has a poor name: {reason}"
            help: https://intranet.example/community/naming
            tags: [naming, hygiene]
          - id: DSC001
            title: Groups have a description
            category: content
            severity: warning
            target: group
            check: description
            message: "Group '{group.name}' needs a description: {reason}"
          - id: NAM002
            title: Group names are short
            category: naming
            severity: silent
            target: group
            check: naming
            options:
              maxLength: 12
            message: "Group '{group.name}' has a long name: {reason}"
          - id: OFF001
            title: Group names are very short
            category: naming
            severity: warning
            enabled: false
            target: group
            check: naming
            options:
              maxLength: 3
            message: "Group '{group.name}' has a name longer than 3 characters"
          - id: POST001
            title: Don't shout in post titles
            category: etiquette
            severity: warning
            target: post
            check: shoutingTitle
            message: "Post '{post.title}' shouts: {reason}"
        exemptions:
          - rule: NAM001
            target: g-temp
            justification: Kept for the spring migration; renamed in April.
            expires: 2026-12-31
            owner: comms@example.org
          - rule: DSC001
            target: g-old
            justification: The group was to be archived.
            expires: 2025-01-31
        """;

    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<AnalysisReport> CreateAsync()
    {
        var loader = new RuleSetLoader([.. BuiltInChecks.Create(), new ShoutingTitleCheck()]);
        var loaded = loader.LoadText(Yaml, RuleFile);
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));

        var network = InMemoryNetwork.CreateBuilder()
            .WithManifest(new NetworkManifest { Name = "Nordic Demo", Source = "unit test", AsOf = AsOf })
            .Add(new Person { Id = "u1", Name = "Åsa Öberg" })
            .Add(new Group { Id = "g-test", Name = "test – Malmö", Description = "Trying things out before the launch." })
            .Add(new Group { Id = "g-temp", Name = "temp projects", Description = "Projects moving to the new intranet." })
            .Add(new Group { Id = "g-sales", Name = "SE-Sales", Description = string.Empty })
            .Add(new Group { Id = "g-old", Name = "SE-Old" })
            .AddMember("g-sales", "u1", MembershipRole.Admin)
            .Add(new Post { Id = "p-shout", GroupId = "g-sales", AuthorId = "u1", Title = "READ THIS NOW", Text = "Quarterly numbers." })
            .Add(new Post { Id = "p-lost", GroupId = "g-missing", AuthorId = "u1", Title = "Lost post" })
            .Add(new Comment { Id = "c1", PostId = "p-shout", AuthorId = "u1", Text = "Thanks!" })
            .Build();

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(loaded.RuleSet!, network, new AnalysisOptions { AsOf = AsOf });
        return new AnalysisReport(result, loaded.RuleSet!, ToolVersion, loaded.Files);
    }

    public static async Task<byte[]> WriteAsync(IReportWriter writer, AnalysisReport report)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>Finds the 1-based line and column of text in <see cref="Yaml"/>.</summary>
    public static (int Line, int Column) PositionOf(string text)
    {
        var lines = Yaml.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    /// <summary>A third-party check, as a company would add one: post titles written in capitals.</summary>
    private sealed class ShoutingTitleCheck : Check<ShoutingTitleOptions>
    {
        public override string Kind => "shoutingTitle";

        public override string Description => "Post titles are not written in capitals.";

        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

        protected override void Initialize(CheckInitializationContext context, ShoutingTitleOptions options) =>
            context.RegisterPostAction(post =>
            {
                var letters = (post.Post.Title ?? string.Empty).Where(char.IsLetter).ToList();
                if (letters.Count >= options.MinLetters && letters.All(char.IsUpper))
                {
                    post.Report(new MessageArgument("reason", "the title is written in capitals"));
                }
            });
    }
}

/// <summary>The options of the test's <c>shoutingTitle</c> check.</summary>
public sealed class ShoutingTitleOptions
{
    /// <summary>Gets or sets the fewest letters a title needs before it can shout.</summary>
    public int MinLetters { get; set; } = 4;
}
