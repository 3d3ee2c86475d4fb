using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>
/// The <c>bad-values</c> network: fields written twice, dates that are not ISO 8601, a personal number and a long
/// text where a date belongs. Each is a CR0001 naming the field in the format's words; a value is shown masked and cut.
/// </summary>
public sealed class RecordValueTests
{
    private static async Task<(List<T> Records, Dictionary<long, string> Messages)> ReadAsync<T>(Func<SnapshotProvider, IDataIssueReporter, IAsyncEnumerable<T>> read)
    {
        var issues = new IssueList();
        var records = await read(new SnapshotProvider(TestInputs.Network("bad-values")), issues).ToListAsync();
        Assert.All(issues.Issues, issue => Assert.Equal(DataIssueKind.MalformedRecord, issue.Kind));
        return (records, issues.Issues.ToDictionary(issue => issue.Line!.Value, issue => issue.Message));
    }

    [Fact]
    public async Task A_field_written_twice_is_a_data_issue_naming_the_field_not_last_wins()
    {
        var (people, messages) = await ReadAsync((source, issues) => source.ReadPeopleAsync(issues, default));

        Assert.Equal("'name' appears more than once in the record; write each field once", messages[1]);
        Assert.Equal("'id' appears more than once in the record; write each field once", messages[2]);
        Assert.DoesNotContain(people, person => person.Id is "p-asa" or "p-bjorn" or "p-bjorn-2");
        Assert.Equal(["p-kari"], people.Select(person => person.Id));
    }

    [Fact]
    public async Task Wrong_values_are_described_in_the_format_words_never_as_dotnet_types()
    {
        var (_, messages) = await ReadAsync((source, issues) => source.ReadPeopleAsync(issues, default));

        Assert.Equal("'kind' should be person, bot or system", messages[3]);
        Assert.Equal("'active' should be true or false", messages[4]);
        Assert.Equal("'roles' should be a list of text, such as [\"a\", \"b\"]", messages[5]);
        Assert.Equal("invalid record at 'active' (column 45): 'tru191212**-**** och mer…' is an invalid JSON literal. Expected the literal 'true'", messages[7]);
        Assert.All(messages.Values, message =>
        {
            Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
            Assert.DoesNotContain("CommunityRules.", message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Dates_that_are_not_ISO_8601_are_data_issues_not_US_dates_or_today()
    {
        var (groups, messages) = await ReadAsync((source, issues) => source.ReadGroupsAsync(issues, default));

        const string Expected = "'createdAt' should be an ISO 8601 date such as 2026-04-02 or 2026-04-02T09:15:00Z";
        Assert.Equal($"{Expected}, not '03/04/2025'", messages[1]);
        Assert.Equal($"{Expected}, not 'Jan 5'", messages[2]);
        Assert.Equal($"{Expected}, not '10:00'", messages[3]);
        Assert.Equal($"{Expected}, not '2025-03-04 10:00:00Z'", messages[6]);
        Assert.Equal($"{Expected}, not '2025-13-04'", messages[7]);
        Assert.Equal(Expected, messages[8]);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], messages.Keys.Order());
        Assert.Equal(
            [
                ("g-date", new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero)),
                ("g-minutes", new DateTimeOffset(2025, 3, 4, 10, 15, 0, TimeSpan.Zero)),
                ("g-local", new DateTimeOffset(2025, 3, 4, 10, 15, 30, TimeSpan.Zero)),
                ("g-fraction", new DateTimeOffset(2025, 3, 4, 10, 15, 30, 250, TimeSpan.Zero)),
                ("g-offset", new DateTimeOffset(2025, 3, 4, 8, 15, 30, TimeSpan.Zero)),
            ],
            groups.Select(group => (group.Id, group.CreatedAt!.Value)));
        Assert.All(groups, group => Assert.Equal(TimeSpan.Zero, group.CreatedAt!.Value.Offset));
    }

    [Fact]
    public async Task A_value_is_shown_with_personal_data_masked_and_cut_short()
    {
        var (_, messages) = await ReadAsync((source, issues) => source.ReadGroupsAsync(issues, default));

        Assert.EndsWith(", not '19121212-****'", messages[4], StringComparison.Ordinal);
        Assert.DoesNotContain("1212'", messages[4], StringComparison.Ordinal);
        Assert.EndsWith(", not 'Ring mig på 070-*** ** *…'", messages[5], StringComparison.Ordinal);
        Assert.DoesNotContain("anna.svensson", messages[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Echoed_values_escape_control_characters_so_they_cannot_forge_a_report_line()
    {
        Assert.Equal("a\\u001b[2Jb\\nc", EchoedValue.Show("a\u001b[2Jb\nc"));
        Assert.Equal(EchoedValue.MaxShown + 1, EchoedValue.Show(new string('x', 10_000_000)).Length);
        Assert.Equal("konto 123456*******", EchoedValue.Show("konto 1234567890123"));
        Assert.Equal("den 2026-04-02T09:15:00Z", EchoedValue.Show("den 2026-04-02T09:15:00Z"));
    }

    [Fact]
    public async Task A_manifest_date_that_is_not_ISO_8601_stops_the_run_instead_of_being_read_as_a_US_date()
    {
        var ex = await Assert.ThrowsAsync<DataSourceException>(
            async () => await new SnapshotProvider(TestInputs.Network("us-date-manifest")).ReadManifestAsync(default));

        Assert.Equal(
            $"{Path.Combine(TestInputs.Network("us-date-manifest"), "network.json")}(1): the manifest is not valid: 'asOf' should be an ISO 8601 date such as 2026-04-02 or 2026-04-02T09:15:00Z, not '03/04/2025'",
            ex.Message);
    }

    [Fact]
    public void Both_a_plain_and_a_compressed_file_are_refused_as_the_format_page_says()
    {
        var folder = TestInputs.Network("both-compressed-and-plain");

        var ex = Assert.Throws<DataSourceException>(() => new SnapshotProvider(folder));

        Assert.Equal($"The data folder '{folder}' holds both groups.jsonl and groups.jsonl.gz; keep one of them, so no records are read twice or left out.", ex.Message);
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "snapshot-format.md"));
        Assert.Contains("If both exist, the run stops", page.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
