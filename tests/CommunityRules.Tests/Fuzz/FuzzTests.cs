using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Data;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.Text;
using Xunit.Abstractions;

namespace CommunityRules.Tests.Fuzz;

/// <summary>
/// Fuzzing that stays: mutated seed files from TestData/Fuzz/&lt;target&gt; thrown at the rule loader, the snapshot
/// reader and <see cref="PostChecker"/>; each may answer only in its documented ways, within a time bound.
/// A short run with a fixed seed here; fuzz/README.md says how to run millions of cases.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Lazy<RuleSetLoader> Loader = new(() => TestInputs.CreateLoader());

    private static readonly Lazy<PostChecker[]> Checkers = new(() =>
    [
        new PostChecker(Loader.Value.LoadText("extends: [builtin:posting-guidelines]\n") is { Success: true } pack ? pack.RuleSet : throw new InvalidOperationException("the pack does not load")),
        new PostChecker(TestInputs.LoadRules("text-limits.yaml")),
    ]);

    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-fuzz-").FullName;

    public static TheoryData<string> RuleSeeds => [.. FuzzRun.Seeds("rules")];

    public static TheoryData<string> SnapshotSeeds => [.. FuzzRun.Seeds("snapshot")];

    public static TheoryData<string> PostSeeds => [.. FuzzRun.Seeds("posts")];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_rule_loader_answers_every_mutated_file_with_a_rule_set_or_located_errors()
    {
        FuzzRun.Check("rules", 300, output, RuleBytes, bytes => bytes, (fuzzCase, bytes) => LoadRules(bytes, fuzzCase.Variant));
    }

    [Theory]
    [MemberData(nameof(RuleSeeds))]
    public void The_rule_loader_answers_every_corpus_file_as_it_is(string seed)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzRun.CorpusFolder("rules"), seed));
        FuzzRun.WithinBound(() => LoadRules(bytes, variant: 0));
    }

    [Fact]
    public void A_lone_surrogate_in_rule_text_given_in_memory_is_an_encoding_error_at_its_value()
    {
        var text = File.ReadAllText(Path.Combine(FuzzRun.CorpusFolder("rules"), "crash-lone-surrogate.yaml")).Replace("\\ude00", "\ude00", StringComparison.Ordinal);

        var result = Loader.Value.LoadText(text, "bot.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("CR1025", 10, 15), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void The_snapshot_reader_answers_every_mutated_file_with_records_and_data_issues_or_one_data_source_error()
    {
        FuzzRun.Check("snapshot", 300, output, SnapshotBytes, bytes => bytes, (fuzzCase, bytes) => ReadSnapshot(fuzzCase.Seed, bytes, fuzzCase.Variant));
    }

    [Theory]
    [MemberData(nameof(SnapshotSeeds))]
    public void The_snapshot_reader_answers_every_corpus_file_as_it_is(string seed)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzRun.CorpusFolder("snapshot"), seed));
        FuzzRun.WithinBound(() => ReadSnapshot(seed, bytes, variant: 0));
        FuzzRun.WithinBound(() => ReadSnapshot(seed, Compress(bytes), variant: 1));
    }

    [Fact]
    public void The_post_checker_answers_every_mutated_text_with_findings_inside_it()
    {
        // The saved input is the text in UTF-8, lone surrogates as U+FFFD; the failure message names the case to replay it exactly.
        FuzzRun.Check("posts", 500, output, fuzzCase => PostText(Mutation.Apply(Corpus("posts", fuzzCase.Seed), fuzzCase.Mutations), fuzzCase.Variant), Encoding.UTF8.GetBytes, (_, text) => CheckText(text));
    }

    [Theory]
    [MemberData(nameof(PostSeeds))]
    public void The_post_checker_answers_every_corpus_text_as_it_is(string seed)
    {
        var bytes = Corpus("posts", seed);
        FuzzRun.WithinBound(() => CheckText(Encoding.UTF8.GetString(bytes)));
    }

    private static byte[] Corpus(string target, string seed) => File.ReadAllBytes(Path.Combine(FuzzRun.CorpusFolder(target), seed));

    private static byte[] RuleBytes(FuzzCase fuzzCase) => Mutation.Apply(Corpus("rules", fuzzCase.Seed), fuzzCase.Mutations);

    // Variant 0 and 1: the mutated file as it is, gzip-compressed after the damage; 2: the compressed seed damaged.
    private static byte[] SnapshotBytes(FuzzCase fuzzCase)
    {
        var seed = Corpus("snapshot", fuzzCase.Seed);
        return (fuzzCase.Variant % 3) switch
        {
            0 => Mutation.Apply(seed, fuzzCase.Mutations),
            1 => Compress(Mutation.Apply(seed, fuzzCase.Mutations)),
            _ => Mutation.Apply(Compress(seed), fuzzCase.Mutations),
        };
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Decoded text, where every replacement character may become a lone surrogate, which no UTF-8 file can hold.</summary>
    private static string WithSurrogates(byte[] bytes, int variant)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return (variant % 4) switch
        {
            1 => text.Replace('\uFFFD', '\uD83D'),
            2 => text.Replace('\uFFFD', '\uDE42'),
            _ => text,
        };
    }

    private void LoadRules(byte[] bytes, int variant)
    {
        AssertRuleResult(Loader.Value.LoadText(WithSurrogates(bytes, variant), "fuzz.yaml"));

        var path = Path.Combine(_folder, "fuzz.yaml");
        File.WriteAllBytes(path, bytes);
        AssertRuleResult(Loader.Value.Load([path]));
    }

    private static void AssertRuleResult(RuleSetLoadResult result)
    {
        Assert.Equal(result.Success, result.Errors.Count == 0);
        foreach (var error in result.Errors)
        {
            Assert.False(string.IsNullOrEmpty(error.Location.File), $"no file: {error}");
            Assert.True(error.Location.Line >= 1, $"line below 1: {error}");
            Assert.True(error.Location.Column >= 1, $"column below 1: {error}");
            Assert.Matches(ErrorCode(), error.Code);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"no message: {error}");
        }
    }

    private void ReadSnapshot(string seed, byte[] bytes, int variant)
    {
        var kind = seed[(seed.LastIndexOf('-') + 1)..];
        var compressed = variant % 3 != 0;
        foreach (var file in Directory.GetFiles(_folder))
        {
            File.Delete(file);
        }

        File.WriteAllBytes(Path.Combine(_folder, compressed ? kind + ".gz" : kind), bytes);
        var issues = new IssueList();
        try
        {
            var provider = new SnapshotProvider(_folder);
            Drain(provider.ReadPeopleAsync(issues, default), p => p.Id);
            Drain(provider.ReadGroupsAsync(issues, default), g => g.Id);
            Drain(provider.ReadMembershipsAsync(issues, default), m => m.GroupId + m.PersonId);
            Drain(provider.ReadPostsAsync(issues, default), p => p.Id + p.GroupId);
            Drain(provider.ReadCommentsAsync(issues, default), c => c.Id + c.PostId);
            Drain(provider.ReadReactionsAsync(issues, default), r => r.TargetId + r.PersonId);
        }
        catch (DataSourceException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }

        foreach (var issue in issues.Issues)
        {
            Assert.True(issue.Line is null or >= 1, $"line below 1: {issue}");
            Assert.False(string.IsNullOrWhiteSpace(issue.Message), $"no message: {issue}");
        }
    }

    private static void Drain<T>(IAsyncEnumerable<T> records, Func<T, string> key)
    {
        foreach (var record in records.ToBlockingEnumerable())
        {
            Assert.False(string.IsNullOrWhiteSpace(key(record)), $"a record without its identifiers: {record}");
        }
    }

    /// <summary>A post text: the mutated seed, or (one case in three) arbitrary UTF-16 code units around it.</summary>
    private static string PostText(byte[] bytes, int variant)
    {
        var text = WithSurrogates(bytes, variant);
        if (variant % 3 != 0)
        {
            return text;
        }

        var random = new Random(variant);
        var noise = new char[random.Next(0, 2_000)];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = random.Next(4) == 0 ? (char)random.Next(0, 0x80) : (char)random.Next(0, 0x10000);
        }

        var at = random.Next(text.Length + 1);
        return string.Concat(text.AsSpan(0, at), noise, text.AsSpan(at));
    }

    private static void CheckText(string text)
    {
        var title = text.Length > 80 ? text[..80] : text;
        foreach (var (checker, bundled) in Checkers.Value.Select((checker, i) => (checker, i == 0)))
        {
            var post = new Post { Id = "p1", GroupId = "g1", Title = title, Text = text };
            AssertFindings(checker.Check(post), post.Title, post.Text, bundled);
            AssertFindings(checker.Check(post, new Model.Group { Id = "g1", Name = title }), post.Title, post.Text, bundled);
            AssertFindings(checker.Check(new Comment { Id = "c1", PostId = "p1", Text = text }), null, text, bundled);
        }
    }

    // A test rule that echoes '{match}' of its own regex may carry what the regex matched; reports escape it on output.
    // The bundled packs echo only short matches of their own terms and detectors, which must be clean already.
    private static void AssertFindings(IReadOnlyList<Diagnostic> findings, string? title, string text, bool bundled)
    {
        foreach (var finding in findings)
        {
            Assert.False(bundled && finding.Message.Any(char.IsControl), $"a raw control character in {finding.Rule.Id}: {MatchCase.Escape(finding.Message)}");
            if (finding.Properties.TryGetValue("position", out var position))
            {
                var field = finding.Properties.TryGetValue("field", out var name) && name == "title" ? title ?? string.Empty : text;
                var value = int.Parse(position, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(value, 1, field.Length + 1);
            }
        }
    }

    [GeneratedRegex("^CR[0-9]{4}$")]
    private static partial Regex ErrorCode();
}
