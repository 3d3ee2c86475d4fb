using System.Text;
using System.Text.Json;
using CommunityRules.Reporting;

namespace CommunityRules.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    [Fact]
    public async Task Writes_the_documented_top_level_shape()
    {
        using var document = await WriteDocumentAsync();
        var root = document.RootElement;

        Assert.Equal(["version", "tool", "configuration", "network", "summary", "rules", "findings"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(JsonReportWriter.ShapeVersion, root.GetProperty("version").GetInt32());
        Assert.Equal(1, JsonReportWriter.ShapeVersion);
        Assert.Equal("CommunityRules", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(ReportScenario.ToolVersion, root.GetProperty("tool").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("configuration").GetProperty("profile").ValueKind);
        Assert.Equal(["rules.yaml"], root.GetProperty("configuration").GetProperty("ruleFiles").EnumerateArray().Select(file => file.GetString()));
        var network = root.GetProperty("network");
        Assert.Equal("Nordic Demo", network.GetProperty("name").GetString());
        Assert.Equal("unit test", network.GetProperty("source").GetString());
        Assert.Equal("2026-03-01T00:00:00Z", network.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Writes_the_summary_counts()
    {
        using var document = await WriteDocumentAsync();
        var summary = document.RootElement.GetProperty("summary");

        Assert.Equal("2026-03-01T00:00:00Z", summary.GetProperty("asOf").GetString());
        Assert.Equal("Nordic Demo", summary.GetProperty("source").GetString());
        Assert.Equal(4, summary.GetProperty("rulesRun").GetInt32());
        var read = summary.GetProperty("read");
        Assert.Equal(["people", "groups", "memberships", "posts", "comments", "reactions"], read.EnumerateObject().Select(property => property.Name));
        Assert.Equal([1L, 4L, 1L, 2L, 1L, 0L], read.EnumerateObject().Select(property => property.Value.GetInt64()));
        Assert.Equal(0, summary.GetProperty("rejected").GetInt64());
        Assert.Equal(1, summary.GetProperty("dataIssues").GetInt64());
        var findings = summary.GetProperty("findings");
        Assert.Equal(["error", "warning", "suggestion", "silent"], findings.EnumerateObject().Select(property => property.Name));
        Assert.Equal([1, 3, 2, 1], findings.EnumerateObject().Select(property => property.Value.GetInt32()));
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        var byRule = summary.GetProperty("byRule").EnumerateObject().ToList();
        Assert.Equal(["CR0002", "CR0100", "DSC001", "NAM001", "NAM002", "POST001"], byRule.Select(property => property.Name));
        Assert.Equal([1, 1, 2, 1, 1, 1], byRule.Select(property => property.Value.GetInt32()));
    }

    [Fact]
    public async Task Lists_every_rule_of_the_rule_set_then_the_built_in_rules_that_reported()
    {
        using var document = await WriteDocumentAsync();
        var rules = document.RootElement.GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(["NAM001", "DSC001", "NAM002", "OFF001", "POST001", "CR0002", "CR0100"], rules.Select(rule => rule.GetProperty("id").GetString()));
        Assert.All(rules, rule => Assert.Equal(
            ["id", "title", "category", "defaultSeverity", "enabledByDefault", "severity", "help", "description", "tags"],
            rule.EnumerateObject().Select(property => property.Name)));
        var byId = rules.ToDictionary(rule => rule.GetProperty("id").GetString()!);
        var naming = byId["NAM001"];
        Assert.Equal("Group names avoid placeholder words", naming.GetProperty("title").GetString());
        Assert.Equal("naming", naming.GetProperty("category").GetString());
        Assert.Equal("error", naming.GetProperty("defaultSeverity").GetString());
        Assert.Equal("error", naming.GetProperty("severity").GetString());
        Assert.Equal("https://intranet.example/community/naming", naming.GetProperty("help").GetString());
        Assert.Equal("Names such as test or temp tell members nothing.", naming.GetProperty("description").GetString());
        Assert.Equal(["naming", "hygiene"], naming.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("warning", byId["DSC001"].GetProperty("defaultSeverity").GetString());
        Assert.Equal("suggestion", byId["DSC001"].GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, byId["DSC001"].GetProperty("help").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId["DSC001"].GetProperty("description").ValueKind);
        Assert.Equal("silent", byId["NAM002"].GetProperty("severity").GetString());
        Assert.False(byId["OFF001"].GetProperty("enabledByDefault").GetBoolean());
        Assert.Equal("warning", byId["OFF001"].GetProperty("defaultSeverity").GetString());
        Assert.Equal("none", byId["OFF001"].GetProperty("severity").GetString());
        Assert.Equal("configuration", byId["CR0100"].GetProperty("category").GetString());
        Assert.Equal("warning", byId["CR0100"].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Writes_the_people_responsible_for_each_finding_those_who_act_first()
    {
        var report = await ResponsiblePeopleTests.RollUpReportAsync();
        using var document = JsonDocument.Parse(await ReportScenario.WriteAsync(new JsonReportWriter(), report));
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().Where(finding => finding.GetProperty("ruleId").GetString()!.StartsWith("ROL-", StringComparison.Ordinal)).ToDictionary(finding => finding.GetProperty("target").GetProperty("id").GetString()!);

        static string[] Responsible(JsonElement finding) =>
        [
            .. finding.GetProperty("responsible").EnumerateArray().Select(person =>
            {
                Assert.Equal(["id", "name", "role", "primary"], person.EnumerateObject().Select(property => property.Name));
                return $"{person.GetProperty("id").GetString()} {person.GetProperty("name").GetString()} {person.GetProperty("role").GetString()} {person.GetProperty("primary").GetBoolean()}";
            }),
        ];

        Assert.Equal(["p-ingrid Ingrid Ekström admin True"], Responsible(findings["g-07"]));
        Assert.Equal(["p-anna Anna Nyström author True", "p-asa Åsa Lindqvist admin False", "p-soren Søren Madsen admin False"], Responsible(findings["po-anna"]));
        Assert.Equal(["p-olli Olli Virtanen person True"], Responsible(findings["p-olli"]));
        Assert.Empty(Responsible(findings["g-orphan"]));
        Assert.All(document.RootElement.GetProperty("findings").EnumerateArray(), finding => Assert.Equal(JsonValueKind.Array, finding.GetProperty("responsible").ValueKind));
    }

    [Fact]
    public async Task Writes_each_finding_with_its_target_evidence_and_fingerprint()
    {
        var report = await ReportScenario.CreateAsync();
        using var document = JsonDocument.Parse(await ReportScenario.WriteAsync(new JsonReportWriter(), report));
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();

        Assert.Equal(report.Result.Diagnostics.Count, findings.Count);
        Assert.Equal(
            ["CR0100", "CR0002", "NAM001", "NAM001", "DSC001", "DSC001", "NAM002", "POST001"],
            findings.Select(finding => finding.GetProperty("ruleId").GetString()));
        for (var i = 0; i < findings.Count; i++)
        {
            var diagnostic = report.Result.Diagnostics[i];
            Assert.Equal(diagnostic.Message, findings[i].GetProperty("message").GetString());
            Assert.Equal(diagnostic.Fingerprint, findings[i].GetProperty("fingerprint").GetString());
            Assert.Matches("^[0-9a-f]{32}$", findings[i].GetProperty("fingerprint").GetString());
        }

        var group = findings[2];
        Assert.Equal("error", group.GetProperty("severity").GetString());
        Assert.Equal("Group 'test – Malmö' has a poor name: it contains the blocked word 'test'", group.GetProperty("message").GetString());
        Assert.Equal(["kind", "id", "name"], group.GetProperty("target").EnumerateObject().Select(property => property.Name));
        Assert.Equal("group", group.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal("g-test", group.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal("it contains the blocked word 'test'", group.GetProperty("properties").GetProperty("reason").GetString());
        Assert.False(group.TryGetProperty("suppression", out _));

        var post = findings[7];
        Assert.Equal("warning", post.GetProperty("severity").GetString());
        Assert.Equal(["kind", "id", "name", "groupId"], post.GetProperty("target").EnumerateObject().Select(property => property.Name));
        Assert.Equal("g-sales", post.GetProperty("target").GetProperty("groupId").GetString());

        var expired = findings[0];
        var target = expired.GetProperty("target");
        var (line, column) = ReportScenario.PositionOf("rule: DSC001");
        Assert.Equal("configuration", target.GetProperty("kind").GetString());
        Assert.Equal("rules.yaml", target.GetProperty("file").GetString());
        Assert.Equal(line, target.GetProperty("line").GetInt32());
        Assert.Equal(column, target.GetProperty("column").GetInt32());
        Assert.Equal(["expires", "rule", "target"], expired.GetProperty("properties").EnumerateObject().Select(property => property.Name));

        Assert.Equal("silent", findings[6].GetProperty("severity").GetString());
        Assert.Equal("suggestion", findings[4].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Writes_the_exemption_of_a_suppressed_finding()
    {
        using var document = await WriteDocumentAsync();
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();

        var suppressed = Assert.Single(findings.Where(finding => finding.TryGetProperty("suppression", out _)).ToList());
        var suppression = suppressed.GetProperty("suppression");

        Assert.Equal("g-temp", suppressed.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal(["justification", "expires", "owner", "source"], suppression.EnumerateObject().Select(property => property.Name));
        Assert.Equal(ReportScenario.Justification, suppression.GetProperty("justification").GetString());
        Assert.Equal("2026-12-31", suppression.GetProperty("expires").GetString());
        Assert.Equal("comms@example.org", suppression.GetProperty("owner").GetString());
        var (line, column) = ReportScenario.PositionOf("rule: NAM001");
        Assert.Equal($"rules.yaml({line},{column})", suppression.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Writes_the_same_UTF8_bytes_every_time_indented_with_line_feeds_and_no_byte_order_mark()
    {
        var writer = new JsonReportWriter();

        var first = await ReportScenario.WriteAsync(writer, await ReportScenario.CreateAsync());
        var second = await ReportScenario.WriteAsync(writer, await ReportScenario.CreateAsync());

        Assert.Equal(first, second);
        var text = Encoding.UTF8.GetString(first);
        Assert.StartsWith("{\n  \"version\": 1,\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.Contains("test – Malmö", text, StringComparison.Ordinal);
        Assert.Equal("json", writer.Format);
    }

    [Fact]
    public async Task Names_properties_in_camelCase()
    {
        using var document = await WriteDocumentAsync();

        Assert.All(PropertyNames(document.RootElement), name => Assert.True(char.IsLower(name[0]), $"'{name}' is not camelCase."));
    }

    [Fact]
    public async Task Refuses_missing_arguments()
    {
        var report = await ReportScenario.CreateAsync();
        var writer = new JsonReportWriter();

        await Assert.ThrowsAsync<ArgumentNullException>(() => writer.WriteAsync(null!, Stream.Null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => writer.WriteAsync(report, null!, CancellationToken.None));
        Assert.Throws<ArgumentNullException>(() => new AnalysisReport(null!, report.RuleSet, "1.0.0", []));
        Assert.Throws<ArgumentException>(() => new AnalysisReport(report.Result, report.RuleSet, " ", []));
    }

    private static async Task<JsonDocument> WriteDocumentAsync() =>
        JsonDocument.Parse(await ReportScenario.WriteAsync(new JsonReportWriter(), await ReportScenario.CreateAsync()));

    /// <summary>The names of the document's properties, leaving out the maps keyed by data (rule ids, evidence names).</summary>
    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property =>
            property.Name is "byRule" or "properties"
                ? [property.Name]
                : PropertyNames(property.Value).Prepend(property.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
