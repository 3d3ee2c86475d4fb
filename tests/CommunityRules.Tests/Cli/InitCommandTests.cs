using System.Globalization;
using System.Text.Json;
using CommunityRules.Cli;
using CommunityRules.ExportWriters;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.Starter;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Cli;

/// <summary>
/// <c>communityrules init</c> on three networks — the bundled sample, a Slack export and a Stack Exchange site — and
/// <c>check</c> of the same data with the bundled packs alone and with the written file: the file removes the findings
/// that come from a default that does not fit, and keeps the ones that are real.
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string Sample = Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");
    private static readonly string SlackFixture = Path.Combine(TestInputs.DataRoot, "Exports", "slack", "nordlys");
    private static readonly string[] SlackMembers = ["p-anna", "p-bjorn", "p-chen", "p-eino"];
    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-init-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task On_the_sample_the_file_removes_work_addresses_and_keeps_the_real_findings()
    {
        var file = Path.Combine(_folder, "communityrules.yaml");
        var init = await RunAsync("init", "--data", Sample, "--output", file);
        Assert.Equal(0, init.ExitCode);
        var written = await File.ReadAllTextAsync(file);
        Assert.Contains("extends: [builtin:governance, builtin:posting-guidelines]", written, StringComparison.Ordinal);
        Assert.Contains("ignoreEmailDomains: [\"nordlys.example\"]", written, StringComparison.Ordinal);
        Assert.Contains("1,500 of the 1,500 people with an e-mail address have one at the organisation's own domains (nordlys.example 1,500)", Unwrapped(written), StringComparison.Ordinal);

        var packs = await CheckAsync(Sample);
        var fitted = await CheckAsync(Sample, file);

        Assert.NotEmpty(WorkAddresses(packs, "nordlys.example"));
        Assert.Empty(WorkAddresses(fitted, "nordlys.example"));

        // A private or outside address is still personal data.
        Assert.Contains(fitted, finding => finding.RuleId == "POST002" && finding.Detector == "e-mail address");

        // The sample follows the pack's naming convention and creation policy, so their findings are the same real ones.
        Assert.Equal(Targets(packs, "GOV001"), Targets(fitted, "GOV001"));
        Assert.Equal(Targets(packs, "GOV010"), Targets(fitted, "GOV010"));
        Assert.Equal(Targets(packs, "GOV004"), Targets(fitted, "GOV004"));
        Assert.Equal(Targets(packs, "GOV013"), Targets(fitted, "GOV013"));
    }

    [Fact]
    public async Task The_same_network_gives_the_same_bytes_in_any_culture()
    {
        var first = await RunAsync("init", "--data", Sample);
        using (TestCultures.Use("tr-TR"))
        {
            var second = await RunAsync("init", "--data", Sample);
            Assert.Equal(first.Output, second.Output);
        }

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("# communityrules.yaml: a starter configuration written by `communityrules init`\n", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_shown_in_the_docs_is_the_one_init_writes_for_the_sample()
    {
        var run = await RunAsync("init", "--data", Sample);
        var docs = (await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "docs", "init.md"))).ReplaceLineEndings("\n");
        var start = docs.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var shown = docs[start..docs.IndexOf("\n```", start, StringComparison.Ordinal)];

        // The header names the data as it was given (the docs relative to the repository), so its lines wrap elsewhere.
        var written = run.Output.Replace(Sample, "samples/nordic-network", StringComparison.Ordinal).TrimEnd('\n');
        Assert.Equal(Unwrapped(shown), Unwrapped(written));
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_force_is_given()
    {
        var file = Path.Combine(_folder, "communityrules.yaml");
        await File.WriteAllTextAsync(file, "# ours\n");

        var refused = await RunAsync("init", "--data", SlackFixture, "--output", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("exists; init does not overwrite it", refused.Error, StringComparison.Ordinal);
        Assert.Equal("# ours\n", await File.ReadAllTextAsync(file));

        var forced = await RunAsync("init", "--data", SlackFixture, "--output", file, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("# communityrules.yaml", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("init", "--data", "no-such-folder")]
    [InlineData("init", "--data", "slack:no-such-folder")]
    [InlineData("init", "--data", "samples", "--as-of", "someday")]
    public async Task Bad_usage_or_data_exits_2(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task On_a_slack_export_the_channel_convention_is_learnt_and_a_channel_that_breaks_it_is_the_only_naming_finding()
    {
        var network = SlackNetwork();
        var export = Path.Combine(_folder, "slack");
        new SlackExportWriter().Write(network, export);
        var file = Path.Combine(_folder, "communityrules.yaml");

        var init = await RunAsync("init", "--data", export, "--output", file, "--as-of", "2026-10-01");
        Assert.Equal(0, init.ExitCode);
        var written = Unwrapped(await File.ReadAllTextAsync(file));
        Assert.Contains("pattern: \"^[\\\\p{Ll}\\\\p{N}]+(?:-[\\\\p{Ll}\\\\p{N}]+)*$\"", written, StringComparison.Ordinal);
        Assert.Contains("7 of 8 groups (88 %) are lower-case words joined by hyphens.", written, StringComparison.Ordinal);
        Assert.Contains("The data does not say group admins, so GOV003 (admins) will not run", written, StringComparison.Ordinal);
        Assert.Contains("GOV010: none", written, StringComparison.Ordinal);

        var packs = await CheckAsync(export, asOf: "2026-10-01");
        var fitted = await CheckAsync(export, file, "2026-10-01");

        // The pack's convention (SE-Topic) fits no channel; the learnt one fits all but the planted one.
        Assert.Equal(8, Targets(packs, "GOV001").Count);
        Assert.Equal(["Sales_Team", "test-lab"], Targets(fitted, "GOV001"));
        Assert.Contains("lower-case words joined by hyphens", Reason(fitted, "GOV001", "Sales_Team"), StringComparison.Ordinal);
        Assert.DoesNotContain("lower-case", Reason(fitted, "GOV001", "test-lab"), StringComparison.Ordinal);

        // Anyone creates channels here: the pack's policy reported most of them; creators who left are still reported.
        Assert.NotEmpty(Targets(packs, "GOV010"));
        Assert.Empty(Targets(fitted, "GOV010"));
        Assert.Equal(Targets(packs, "GOV012"), Targets(fitted, "GOV012"));

        // Colleagues' work addresses are not findings; a private address and a phone number still are.
        Assert.NotEmpty(WorkAddresses(packs, "nordlys.example"));
        Assert.Empty(WorkAddresses(fitted, "nordlys.example"));
        Assert.Contains(fitted, finding => finding.Detector == "e-mail address" && finding.Value.EndsWith("@gmail.com", StringComparison.Ordinal));
        Assert.Contains(fitted, finding => finding.Detector == "phone number");
    }

    [Fact]
    public async Task On_the_slack_fixture_no_group_finding_comes_from_the_packs_nordic_defaults()
    {
        var file = Path.Combine(_folder, "communityrules.yaml");
        Assert.Equal(0, (await RunAsync("init", "--data", SlackFixture, "--output", file, "--as-of", "2026-10-01")).ExitCode);

        var packs = await CheckAsync(SlackFixture, asOf: "2026-10-01");
        var fitted = await CheckAsync(SlackFixture, file, "2026-10-01");

        foreach (var rule in new[] { "GOV001", "GOV002", "GOV010", "GOV013" })
        {
            Assert.NotEmpty(Targets(packs, rule));
            Assert.Empty(Targets(fitted, rule));
        }

        // The channel whose creator left still needs a new owner.
        Assert.Equal(["hr-ledning"], Targets(fitted, "GOV012"));
    }

    [Fact]
    public async Task On_a_stack_exchange_site_the_tag_convention_is_learnt_and_what_the_dump_lacks_is_switched_off()
    {
        var network = StackExchangeDump.Read(StackExchangeDump.HistoryMeta);
        network.Groups.Add(new Group { Id = "Off Topic", Name = "Off Topic", CreatedAt = new DateTimeOffset(2018, 1, 5, 0, 0, 0, TimeSpan.Zero), Privacy = GroupPrivacy.Open });
        network.Posts.Add(new Post { Id = "planted", GroupId = "Off Topic", AuthorId = "u12", CreatedAt = new DateTimeOffset(2018, 8, 1, 0, 0, 0, TimeSpan.Zero), Type = PostType.Question, Text = "Is a question about the site's chat rooms on topic here, or should it go to the main site?" });
        var snapshot = Path.Combine(_folder, "history-meta");
        StackExchangeDump.WriteSnapshot(network, snapshot);
        var file = Path.Combine(_folder, "communityrules.yaml");

        var init = await RunAsync("init", "--data", snapshot, "--output", file);
        Assert.Equal(0, init.ExitCode);
        var written = Unwrapped(await File.ReadAllTextAsync(file));
        Assert.Contains("65 of 66 groups (98 %) are lower-case words joined by hyphens.", written, StringComparison.Ordinal);
        Assert.Contains("GOV002: none", written, StringComparison.Ordinal);
        Assert.Contains("No group in the data has a description (0 of 66 groups)", written, StringComparison.Ordinal);
        Assert.Contains("GOV011: none", written, StringComparison.Ordinal);
        Assert.Contains("Languages of ", written, StringComparison.Ordinal);
        Assert.Contains("(a guess from common words): English ", written, StringComparison.Ordinal);
        Assert.Contains("minLength: 3", written, StringComparison.Ordinal);

        var packs = await CheckAsync(snapshot);
        var fitted = await CheckAsync(snapshot, file);

        Assert.Equal(66, Targets(packs, "GOV001").Count);
        Assert.Equal(["Off Topic"], Targets(fitted, "GOV001"));
        // Without descriptions or creators in the dump, the run says so once instead of reporting every group, and
        // the file switches those rules off for good.
        Assert.Empty(Targets(packs, "GOV002"));
        Assert.Empty(Targets(packs, "GOV011"));
        foreach (var rule in new[] { "GOV002", "GOV010", "GOV011", "GOV012" })
        {
            Assert.Empty(Targets(fitted, rule));
        }

        // Inactivity: the quietest groups are reported, none of them after less than the year the file proposes.
        var quiet = fitted.Where(finding => finding.RuleId is "GOV004" or "GOV005").ToList();
        Assert.True(quiet.Count < packs.Count(finding => finding.RuleId is "GOV004" or "GOV005"));
        Assert.All(quiet, finding => Assert.True(finding.DaysInactive >= 365, $"{finding.Target} was reported after {finding.DaysInactive} days"));
    }

    private static ExportNetwork SlackNetwork()
    {
        var network = ConformanceNetwork.Create();
        var created = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
        network.People[0] = network.People[0] with { Roles = ["workspace-admin", "workspace-owner"] };
        (string Id, string Name, string Creator)[] channels =
        [
            ("g-mkt", "marketing-oslo", "p-chen"),
            ("g-it", "it-support", "p-bjorn"),
            ("g-lunch", "lunch-club-2026", "p-eino"),
            ("g-planted", "Sales_Team", "p-chen"),
        ];
        foreach (var (id, name, creator) in channels)
        {
            network.Groups.Add(new Group { Id = id, Name = name, Description = $"Everything about {name.Replace('-', ' ')} in one place.", CreatedAt = created, CreatedBy = creator, Privacy = GroupPrivacy.Open });
            network.Memberships.AddRange(SlackMembers.Select(person => new Membership { GroupId = id, PersonId = person }));
            network.Posts.Add(new Post { Id = "m-" + id, GroupId = id, AuthorId = creator, CreatedAt = new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.Zero), Text = $"Welcome to {name}! Questions to chen.li@nordlys.example or anna.berg@nordlys.example." });
        }

        network.Comments.Add(new Comment { Id = "m-g-it-1", PostId = "m-g-it", AuthorId = "p-eino", CreatedAt = new DateTimeOffset(2026, 9, 10, 10, 0, 0, TimeSpan.Zero), Text = "Reach me at eino.makinen@nordlys.example, or privately at eino.m@gmail.com." });
        return network;
    }

    private static List<Finding> WorkAddresses(List<Finding> findings, string domain) =>
        [.. findings.Where(finding => finding.RuleId is "POST001" or "POST002" && finding.Detector == "e-mail address" && finding.Value.EndsWith("@" + domain, StringComparison.Ordinal))];

    private static List<string> Targets(List<Finding> findings, string ruleId) =>
        [.. findings.Where(finding => finding.RuleId == ruleId).Select(finding => finding.Target).Order(StringComparer.Ordinal)];

    private static string Reason(List<Finding> findings, string ruleId, string target) =>
        findings.Single(finding => finding.RuleId == ruleId && finding.Target == target).Reason;

    /// <summary>The file's comments joined back into sentences, so assertions do not depend on where lines wrap.</summary>
    private static string Unwrapped(string yaml) => yaml.Replace("\n#   ", " ", StringComparison.Ordinal).Replace("\n    #   ", " ", StringComparison.Ordinal).Replace("\n  #   ", " ", StringComparison.Ordinal);

    private static async Task<List<Finding>> CheckAsync(string data, string? rules = null, string? asOf = null)
    {
        List<string> args = ["check", "--data", data, "--format", "json", "--fail-on", "never"];
        args.AddRange(rules is null ? ["--rules", "builtin:governance", "builtin:posting-guidelines"] : ["--rules", rules]);
        if (asOf is not null)
        {
            args.AddRange(["--as-of", asOf]);
        }

        var run = await RunAsync([.. args]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(finding =>
        {
            var target = finding.GetProperty("target");
            var properties = finding.GetProperty("properties");
            string Property(string name) => properties.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
            return new Finding(
                finding.GetProperty("ruleId").GetString()!,
                target.TryGetProperty("name", out var name) ? name.GetString()! : target.GetProperty("id").GetString()!,
                Property("reason"),
                Property("detector"),
                Property("value"),
                int.TryParse(Property("daysInactive"), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : -1);
        })];
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow));
        return (exitCode, output.ToString(), error.ToString());
    }

    private sealed record Finding(string RuleId, string Target, string Reason, string Detector, string Value, int DaysInactive);
}
