using System.Text.Json;
using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.History;
using Microsoft.Data.Sqlite;

namespace CommunityRules.Tests.Cli;

/// <summary><c>communityrules digest</c> on each store: the digests come from the responsible people the store recorded.</summary>
public abstract partial class HistoryCommandContract
{
    protected static readonly string DigestRules = TestInputs.RulesFile("digest.yaml");
    protected static readonly string Hostile = TestInputs.Network("digest-hostile");

    [StoreFact]
    public async Task Digest_dry_run_prints_one_line_per_person_and_writes_nothing()
    {
        await RunAsync("check", "--rules", ExemptingRules, "--data", Mixed, "--history", Store);
        var folder = Directory.CreateTempSubdirectory("communityrules-digest-").FullName;
        try
        {
            var run = await RunAsync("digest", "--history", Store, "--dry-run", "--out", Path.Combine(folder, "out"));

            Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
            Assert.Equal(
                $"Run {await LatestRunIdAsync()} ({Mixed}, as of 2026-03-01T00:00:00Z): 2 people would get a digest, and one of findings nobody in the network acts on.\n" +
                "Åsa Lindqvist (p-asa): 3 findings; groups: SE-Test\n" +
                "Aino Mäkinen (p-aino): 2 findings; groups: FI-Test kahvila\n" +
                "Nobody in the network (for the community manager): 2 findings\n",
                run.Output.ReplaceLineEndings("\n"));
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [StoreFact]
    public async Task Digests_are_written_per_person_with_open_findings_only_and_are_not_overwritten_without_force()
    {
        await RunAsync("check", "--rules", ExemptingRules, "--data", Mixed, "--history", Store);
        var folder = Directory.CreateTempSubdirectory("communityrules-digest-").FullName;
        try
        {
            var run = await RunAsync("digest", "--history", Store, "--run", "latest", "--out", folder);

            Assert.Equal(0, run.ExitCode);
            var asa = DigestCommand.FileName("p-asa");
            Assert.Equal(
                ["index.json", "nobody-in-the-network.json", "nobody-in-the-network.md", DigestCommand.FileName("p-aino") + ".json", DigestCommand.FileName("p-aino") + ".md", asa + ".json", asa + ".md"],
                Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var markdown = await File.ReadAllTextAsync(Path.Combine(folder, asa + ".md"));
            Assert.StartsWith("# Findings for Åsa Lindqvist\n", markdown, StringComparison.Ordinal);
            Assert.Contains("| error | CLI-NAME | SE-Test | group g-1 | 'SE-Test' does not follow the naming convention: it contains the blocked word 'test'. | admin |\n", markdown, StringComparison.Ordinal);

            using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, DigestCommand.FileName("p-aino") + ".json"))))
            {
                Assert.Equal("Aino Mäkinen", json.RootElement.GetProperty("recipient").GetProperty("name").GetString());
                var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
                Assert.Equal(2, findings.Count);

                // g-3's naming finding is exempt: it is in the store, not in the digest.
                Assert.DoesNotContain(findings, finding => finding.GetProperty("ruleId").GetString() == "CLI-NAME");
                Assert.All(findings, finding => Assert.Equal("g-3", finding.GetProperty("group").GetProperty("id").GetString()));
            }

            using (var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "index.json"))))
            {
                var digests = index.RootElement.GetProperty("digests").EnumerateArray().ToList();
                Assert.Equal(["p-asa", "p-aino", null], digests.Select(d => d.GetProperty("recipient").ValueKind == JsonValueKind.Null ? null : d.GetProperty("recipient").GetProperty("id").GetString()));
                Assert.Equal(asa + ".md", digests[0].GetProperty("markdown").GetString());
            }

            File.WriteAllText(Path.Combine(folder, asa + ".md"), "edited by hand");
            var again = await RunAsync("digest", "--history", Store, "--out", folder);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already exists; give another --out folder, or --force", again.Error, StringComparison.Ordinal);
            Assert.Equal("edited by hand", File.ReadAllText(Path.Combine(folder, asa + ".md")));

            var forced = await RunAsync("digest", "--history", Store, "--out", folder, "--force", "--format", "markdown");
            Assert.Equal(0, forced.ExitCode);
            Assert.Equal(markdown, File.ReadAllText(Path.Combine(folder, asa + ".md")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [StoreFact]
    public async Task Hostile_names_are_plain_text_in_the_markdown_and_never_in_file_names()
    {
        await RunAsync("check", "--rules", DigestRules, "--data", Hostile, "--history", Store);
        var folder = Directory.CreateTempSubdirectory("communityrules-digest-").FullName;
        try
        {
            var run = await RunAsync("digest", "--history", Store, "--out", folder);

            Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
            var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).ToList();
            Assert.All(names, name => Assert.Matches("^[A-Za-z0-9_.-]+$", name!));
            Assert.DoesNotContain(names, name => name!.Contains("Eve", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal));
            var eve = DigestCommand.FileName("../../etc/passwd");
            Assert.StartsWith("person-______etc_passwd-", eve, StringComparison.Ordinal);

            var markdown = (await File.ReadAllTextAsync(Path.Combine(folder, eve + ".md"))).Split('\n');
            Assert.Equal(@"# Findings for \# Eve \| \*boss\* \_x\_ \[click\](http://evil.example) &lt;b&gt;hi&lt;/b&gt; \`rm\` Second line", markdown[0]);
            Assert.Contains(@"| warning | CLI-DESC | SE-Pipes \| \*x\* \[y\](z) | group g-pipes | 'SE-Pipes \| \*x\* \[y\](z)' needs a description: it has no description. | admin |", markdown);
            Assert.Contains(@"| warning | DIG-POST | SE-Pipes \| \*x\* \[y\](z) | post po-1 | The post says 'hello \| &lt;img src=x&gt; \*\*now\*\*'. |", markdown);

            // No line of any digest starts a heading other than the tool's own, and every table row has its columns.
            foreach (var file in names.Where(name => name!.EndsWith(".md", StringComparison.Ordinal)))
            {
                var lines = (await File.ReadAllTextAsync(Path.Combine(folder, file!))).Split('\n');
                Assert.All(lines.Where(line => line.StartsWith('#')), line => Assert.Matches("^(# Findings (for|nobody)|## )", line));
                Assert.All(lines.Where(line => line.StartsWith('|')), line => Assert.InRange(line.Replace(@"\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|'), 6, 7));
            }

            var ann = await File.ReadAllTextAsync(Path.Combine(folder, DigestCommand.FileName("p-ann") + ".md"));
            Assert.StartsWith("# Findings for Ann # Forged heading\n", ann, StringComparison.Ordinal);

            // The author acts on their post; the group's admin is told of it; a group without an active admin is nobody's.
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, eve + ".json")));
            Assert.Equal("../../etc/passwd", json.RootElement.GetProperty("recipient").GetProperty("id").GetString());
            Assert.Equal("po-1", Assert.Single(json.RootElement.GetProperty("toldOf").EnumerateArray()).GetProperty("target").GetProperty("id").GetString());
            using var nobody = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "nobody-in-the-network.json")));
            Assert.Equal("CLI-ADMIN", Assert.Single(nobody.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("ruleId").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> LatestRunIdAsync() => (await RunIdsAsync())[^1];
}

/// <summary>What only a SQLite file shows: a store of schema 1, and the safe names and escaping on their own.</summary>
public sealed class DigestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-digest-old-").FullName;

    [Fact]
    public async Task A_run_recorded_before_schema_2_has_no_digests_and_says_so()
    {
        // A schema-1 file as CommunityRules wrote it before, with one run and one finding.
        var path = Path.Combine(_folder, "history.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                CommunityRules.History.Sql.SchemaMigrations.All[0].Script.Replace("{identity}", "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal).Replace("{timestamp}", "TEXT", StringComparison.Ordinal) +
                "; CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, tool_version TEXT NOT NULL);" +
                "INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00+00:00', '0.1.0');" +
                "INSERT INTO runs (recorded_at, as_of, source, rule_set_hash, tool_version, errors, warnings, suggestions, silent, suppressed, group_count) VALUES ('2026-01-02T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 'snapshot:old', 'h', '0.1.0', 1, 0, 0, 0, 0, 0);" +
                "INSERT INTO findings VALUES (1, 0, 'fp', 'GOV001', 'error', 'group', 'g-1', 'SE-Test', 'g-1', 'An old finding.', 0, NULL);";
            await command.ExecuteNonQueryAsync();
        }

        var (code, output, error) = await RunAsync("digest", "--history", path, "--run", "1", "--out", Path.Combine(_folder, "out"));

        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal("communityrules: run 1 was recorded before the history kept who is responsible for each finding, so it has no digests (nobody is guessed). Record a new run with 'communityrules check --history ...' and make the digests of that run.\n", error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));

        // The store was migrated on open: a run recorded now has its digests.
        Assert.Equal(1, (await RunAsync("check", "--rules", TestInputs.RulesFile("cli.yaml"), "--data", TestInputs.Network("mixed"), "--history", path)).Code);
        var latest = await RunAsync("digest", "--history", path, "--dry-run");
        Assert.Equal(0, latest.Code);
        Assert.Contains("Åsa Lindqvist (p-asa): ", latest.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p-asa", "person-p-asa-")]
    [InlineData("../../etc/passwd", "person-______etc_passwd-")]
    [InlineData("CON", "person-CON-")]
    [InlineData("ÅSA Ö", "person-_SA__-")]
    public void A_file_name_is_made_from_the_id_only_and_is_safe(string id, string prefix)
    {
        var name = DigestCommand.FileName(id);

        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Matches("^person-[A-Za-z0-9_-]+-[0-9a-f]{12}$", name);
    }

    [Fact]
    public void Ids_that_read_alike_get_different_file_names()
    {
        Assert.NotEqual(DigestCommand.FileName("a/b"), DigestCommand.FileName("a_b"));
        Assert.NotEqual(DigestCommand.FileName("A").ToUpperInvariant(), DigestCommand.FileName("a").ToUpperInvariant());
        Assert.True(DigestCommand.FileName(new string('x', 500)).Length <= 60);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("*bold* _it_ ~~s~~", @"\*bold\* \_it\_ \~\~s\~\~")]
    [InlineData("[x](http://e.example) ![i](y)", @"\[x\](http://e.example) !\[i\](y)")]
    [InlineData("<script>&amp;", "&lt;script&gt;&amp;amp;")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("1. item", @"1\. item")]
    [InlineData("one\r\ntwo\nthree\u2028four", "one two three four")]
    [InlineData("a\\b", @"a\\b")]
    [InlineData("mid # and - stay", "mid # and - stay")]
    public void Markdown_text_cannot_make_markup(string text, string escaped) => Assert.Equal(escaped, MarkdownText.Escape(text));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestInputs.ClockNow));
        return (code, output.ToString(), error.ToString());
    }
}
