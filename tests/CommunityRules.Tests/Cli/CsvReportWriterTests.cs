using System.Text;
using CommunityRules.Cli;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.Reporting;
using CsvHelper;

namespace CommunityRules.Tests.Cli;

/// <summary>The CSV report over real networks: the roll-up network, and one whose names and texts a spreadsheet would run as formulas.</summary>
public sealed class CsvReportWriterTests
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    [Fact]
    public async Task Writes_a_header_and_one_row_per_finding_in_the_runs_order_with_the_people_responsible()
    {
        var report = await ResponsiblePeopleTests.RollUpReportAsync();

        var (header, rows) = ReadBack(await WriteAsync(report));

        Assert.Equal(
            ["rule", "severity", "targetKind", "targetId", "targetName", "groupId", "groupName", "responsible", "informed", "message", "baselineState", "suppressed", "fingerprint"],
            header);
        Assert.Equal(report.Result.Diagnostics.Select(d => d.Fingerprint), rows.Select(row => row["fingerprint"]));
        var anna = Assert.Single(rows, row => row["targetId"] == "po-anna");
        Assert.Equal("ROL-SHOUT", anna["rule"]);
        Assert.Equal("warning", anna["severity"]);
        Assert.Equal("post", anna["targetKind"]);
        Assert.Equal("Kvartalet", anna["targetName"]);
        Assert.Equal("g-sales", anna["groupId"]);
        Assert.Equal("SE-Försäljning", anna["groupName"]);
        Assert.Equal("Anna Nyström (p-anna, author)", anna["responsible"]);
        Assert.Equal("Åsa Lindqvist (p-asa, admin); Søren Madsen (p-soren, admin)", anna["informed"]);
        Assert.Equal(report.Result.Diagnostics.Single(d => d.Target.Id == "po-anna").Message, anna["message"]);
        Assert.Equal(string.Empty, anna["baselineState"]);
        Assert.Equal("no", anna["suppressed"]);

        var group = Assert.Single(rows, row => row["targetId"] == "g-05");
        Assert.Equal(("g-05", "SE-Logistik", "Ingrid Ekström (p-ingrid, admin)", string.Empty), (group["groupId"], group["groupName"], group["responsible"], group["informed"]));
        var orphan = Assert.Single(rows, row => row["targetId"] == "g-orphan");
        Assert.Equal(string.Empty, orphan["responsible"]);
        var person = Assert.Single(rows, row => row["targetId"] == "p-olli" && row["rule"] == "ROL-COUNTRY");
        Assert.Equal(("person", string.Empty, "Olli Virtanen (p-olli, person)"), (person["targetKind"], person["groupId"], person["responsible"]));
    }

    [Fact]
    public async Task Is_RFC_4180_UTF8_with_a_byte_order_mark_CRLF_and_doubled_quotes()
    {
        var bytes = await WriteAsync(await HostileReportAsync());

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.StartsWith("rule,severity,targetKind,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("-Minus, \"\"Quoted\"\"\nSecond", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"https://example.invalid\"\",\"\"click\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("Åsa Lindqvist", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neutralises_every_value_a_spreadsheet_would_run_as_a_formula_and_keeps_the_rest_as_it_was()
    {
        var report = await HostileReportAsync();

        var (_, rows) = ReadBack(await WriteAsync(report));

        // Nothing read back starts like a formula: ids, names, people and messages alike.
        Assert.All(rows.SelectMany(row => row.Values), value => Assert.False(value.Length > 0 && FormulaStarts.Contains(value[0]), $"'{value}' starts like a formula"));

        var equals = Assert.Single(rows, row => row["targetId"] == "g-eq");
        Assert.Equal("'=HYPERLINK(\"https://example.invalid\",\"click\")", equals["targetName"]);
        Assert.Equal("'=HYPERLINK(\"https://example.invalid\",\"click\")", equals["groupName"]);
        Assert.Equal("'=1+2 (p-eve, admin)", equals["responsible"]);
        Assert.StartsWith("'=HYPERLINK(", equals["message"], StringComparison.Ordinal);

        var at = Assert.Single(rows, row => row["targetId"] == "'@g-at");
        Assert.Equal(("'@g-at", "'+cmd|' /C calc'!A0", "'@SUM(A1:A9) (p-mal, admin)"), (at["groupId"], at["targetName"], at["responsible"]));

        // A tab or a carriage return first is escaped too; a comma, quotes and a line break inside a value survive.
        var carriage = Assert.Single(rows, row => row["targetId"] == "g-cr");
        Assert.Equal("'\rCarriage, return", carriage["targetName"]);
        Assert.Equal("'\tTabbed (p-tab, admin); -Minus, \"Quoted\"\nSecond line (p-minus, admin)", carriage["responsible"]);

        var post = Assert.Single(rows, row => row["targetId"] == "po-1");
        Assert.Equal("'-Minus, \"Quoted\"\nSecond line (p-minus, author)", post["responsible"]);
        Assert.Equal("Åsa Lindqvist (p-ok, admin)", post["informed"]);
        Assert.Equal("'" + report.Result.Diagnostics.Single(d => d.Target.Id == "po-1").Message, post["message"]);

        // A value that is safe is read back exactly.
        var plain = Assert.Single(rows, row => row["targetId"] == "g-plain");
        Assert.Equal(report.Result.Diagnostics.Single(d => d.Target.Id == "g-plain").Message, plain["message"]);
    }

    [Fact]
    public async Task Check_format_csv_writes_the_same_report_to_a_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "findings.csv");
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(
            ["check", "--rules", TestInputs.RulesFile("rollups-hostile.yaml"), "--data", TestInputs.Network("rollups-hostile"), "--format", "csv", "--output", path, "--fail-on", "never"],
            output,
            new StringWriter(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestInputs.ClockNow));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output.ToString());
        var (header, rows) = ReadBack(await File.ReadAllBytesAsync(path));
        Assert.Equal(CsvReportWriter.Columns, header);
        Assert.Equal(6, rows.Count);
    }

    private static async Task<AnalysisReport> HostileReportAsync()
    {
        var ruleSet = TestInputs.LoadRules("rollups-hostile.yaml");
        var result = await TestInputs.RunAsync(ruleSet, "rollups-hostile");
        return new AnalysisReport(result, ruleSet, ReportScenario.ToolVersion, ["rollups-hostile.yaml"]);
    }

    private static async Task<byte[]> WriteAsync(AnalysisReport report)
    {
        using var stream = new MemoryStream();
        var writer = new CsvReportWriter();
        Assert.Equal("csv", writer.Format);
        await writer.WriteAsync(report, stream, CancellationToken.None);
        Assert.True(stream.CanWrite, "The writer leaves the stream open.");
        return stream.ToArray();
    }

    /// <summary>Reads the CSV back with CsvHelper, as a script would: the header, and each row by column name.</summary>
    internal static (string[] Header, List<Dictionary<string, string>> Rows) ReadBack(byte[] csv)
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), CsvReaderOptions.Default, leaveOpen: false);
        reader.ReadHeader();
        string[] header = [.. reader.Headers];
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(header.Length, reader.FieldCount);
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(pair => pair.name, pair => pair.value, StringComparer.Ordinal));
        }

        return (header, rows);
    }
}
