using System.Buffers;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;
using CommunityRules.Text;
using Microsoft.Extensions.Time.Testing;
using Contoso.Governance;

namespace CommunityRules.Tests.Text;

/// <summary>A check of one's own that adds a detector to the shared matcher, in the bot and in a run.</summary>
public sealed class TextDetectorTests
{
    private const string EmployeeNumberRule = """
        rules:
          - id: HR001
            title: Posts and comments do not show employee numbers
            category: privacy
            severity: warning
            target: [post, comment]
            check: employeeNumbers
            message: "The {field} shows an employee number: {reason}"
        """;

    [Fact]
    public void A_detectors_matches_are_findings_with_their_field_and_position_in_the_bot()
    {
        var checker = new PostChecker(Load(EmployeeNumberRule, new EmployeeNumberCheck()));

        var findings = checker.Check(new Post { Id = "p1", GroupId = "g1", Title = "E-2345676", Text = "👍 Ny kollega: E-1234560, och E-1234567 är fel." });

        Assert.Collection(
            findings,
            title =>
            {
                Assert.Equal(("title", "1", "*-*****76"), (title.Properties["field"], title.Properties["position"], title.Properties["match"]));
                Assert.Equal("The title shows an employee number: it contains an employee number (*-*****76) at character 1", title.Message);
            },
            text =>
            {
                // The emoji is one character as people count, two in UTF-16.
                Assert.Equal(("text", "15", "*-*****60"), (text.Properties["field"], text.Properties["position"], text.Properties["match"]));
                Assert.Equal("HR001", text.Rule.Id);
            });
        Assert.DoesNotContain(findings, finding => finding.Message.Contains("1234560", StringComparison.Ordinal) || finding.Fingerprint.Contains("1234560", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_reports_what_the_bot_reports_on_every_post_and_comment()
    {
        var builder = InMemoryNetwork.CreateBuilder().Add(new Group { Id = "g1", Name = "Allmänt" });
        var posts = new List<Post>();
        var comments = new List<Comment>();
        for (var i = 0; i < 3_000; i++)
        {
            var post = new Post { Id = $"p{i:D4}", GroupId = "g1", Text = i % 100 == 7 ? $"Inlägg {i}: mitt nummer är E-1234560." : $"Inlägg {i}, E-post till Erik." };
            var comment = new Comment { Id = $"c{i:D4}", PostId = post.Id, Text = i % 150 == 3 ? "E-2345676" : "Eller inte." };
            builder.Add(post).Add(comment);
            posts.Add(post);
            comments.Add(comment);
        }

        var ruleSet = Load(EmployeeNumberRule, new EmployeeNumberCheck());
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(ruleSet, builder.Build());
        var checker = new PostChecker(ruleSet);

        var fromRun = result.Of("HR001").Select(Describe).Order(StringComparer.Ordinal).ToList();
        var fromBot = posts.SelectMany(post => checker.Check(post)).Concat(comments.SelectMany(comment => checker.Check(comment))).Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(30 + 20, fromRun.Count);
        Assert.Equal(fromBot, fromRun);
        Assert.Contains("p0007 text 26 The text shows an employee number: it contains an employee number (*-*****60) at character 26", fromRun);

        static string Describe(Diagnostic finding) => $"{finding.Target.Id} {finding.Properties["field"]} {finding.Properties["position"]} {finding.Message}";
    }

    [Fact]
    public void A_clean_post_with_a_detector_allocates_nothing_in_the_bot()
    {
        var checker = new PostChecker(Load("extends: [builtin:posting-guidelines]\n" + EmployeeNumberRule, new EmployeeNumberCheck()));
        // The detector runs (the text has its start characters, and a number whose check digit is wrong) and finds nothing.
        var post = new Post
        {
            Id = "p-clean",
            GroupId = "g1",
            Title = "Fredagsfika på plan 4",
            Text = "Hej alla! E-posten från Erik om E-1234567 kom fram. På fredag bjuder vi på kanelbullar och kaffe i köket på plan 4 klockan 15.",
        };
        for (var i = 0; i < 20_000; i++)
        {
            checker.Check(post);
        }

        // Three timed rounds, the least kept: an allocation per post shows in every round, while a one-off of the
        // runtime's (seen once, 4 KB, in a full parallel Release run and never alone) does not repeat.
        var findings = 0;
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                findings += checker.Check(post).Count;
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, findings);

        // As in PostCheckerTests: one allocation per post would show up as 240,000 bytes or more.
        Assert.InRange(allocated, 0, 2_048);
    }

    [Fact]
    public void A_detectors_findings_are_reported_once_each_and_capped_per_post()
    {
        var checker = new PostChecker(Load(EmployeeNumberRule, new EmployeeNumberCheck())) { MaxFindingsPerPost = 2 };

        var findings = checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "E-0000000, E-1234560, E-1234560 igen, E-2345676 och E-1000004." });

        Assert.Equal(3, findings.Count);
        Assert.Equal(["1", "12"], findings.Take(2).Select(finding => finding.Properties["position"]));
        Assert.StartsWith("and 2 more", findings[2].Properties["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_detector_with_start_characters_is_not_run_on_text_without_any()
    {
        var check = new HashtagCheck();
        var checker = new PostChecker(Load(HashtagRule, check));

        Assert.Empty(checker.Check(new Post { Id = "p1", GroupId = "g1", Text = "Inga taggar här." }));
        Assert.Equal(0, check.Detector.Calls);

        var finding = Assert.Single(checker.Check(new Post { Id = "p2", GroupId = "g1", Text = "En #tagg." }));
        Assert.Equal(1, check.Detector.Calls);
        Assert.Equal("it contains a hashtag (#tagg) at character 4", finding.Properties["reason"]);
        Assert.Equal("#tagg", finding.Properties["match"]);
    }

    [Fact]
    public void A_pattern_must_be_bounded()
    {
        var unbounded = Assert.Throws<ArgumentException>(() => new PatternContribution([new System.Text.RegularExpressions.Regex("(a+)+b", System.Text.RegularExpressions.RegexOptions.None, System.Text.RegularExpressions.Regex.InfiniteMatchTimeout)]));
        Assert.Contains("unbounded", unbounded.Message, StringComparison.Ordinal);
        Assert.Single(new PatternContribution([new System.Text.RegularExpressions.Regex("a+b", System.Text.RegularExpressions.RegexOptions.NonBacktracking)]).Patterns);
    }

    [Fact]
    public void An_empty_list_of_fields_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DetectorContribution(EmployeeNumberDetector.Instance, []));
        Assert.Null(new DetectorContribution(EmployeeNumberDetector.Instance).Fields);
    }

    [Fact]
    public async Task A_detector_that_throws_is_one_check_failure_and_the_run_goes_on()
    {
        var ruleSet = Load(FragileRule, new FragileCheck());

        var failure = Assert.Single(new PostChecker(ruleSet).Check(new Post { Id = "p1", GroupId = "g1", Text = "#boom" }));
        Assert.Equal("CR0005", failure.Rule.Id);
        Assert.Contains("InvalidOperationException", failure.Message, StringComparison.Ordinal);

        var network = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g1", Name = "Allmänt" })
            .Add(new Post { Id = "p1", GroupId = "g1", Text = "#boom" })
            .Add(new Post { Id = "p2", GroupId = "g1", Text = "En #tagg." })
            .Build();
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(ruleSet, network);
        Assert.Equal(["p1"], result.TargetsOf("CR0005"));
        Assert.Equal(["p2"], result.TargetsOf("TAG002"));
    }

    /// <summary>A rule of <see cref="FragileCheck"/>, whose detector throws on a hashtag.</summary>
    internal const string FragileRule = """
        rules:
          - id: TAG002
            title: No hashtags
            severity: warning
            target: post
            check: fragileHashtags
            message: "{reason}"
        """;

    public sealed class FragileCheck : Check<NoOptions>
    {
        public override string Kind => "fragileHashtags";

        public override string Description => "Posts have no hashtags; the detector throws on '#boom'.";

        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

        protected override void Initialize(CheckInitializationContext context, NoOptions options) =>
            context.RegisterText(new DetectorContribution(new FragileDetector()));
    }

    public sealed class FragileDetector() : TextDetector("hashtag")
    {
        public override void Detect(ReadOnlySpan<char> text, TextDetections found)
        {
            var at = text.IndexOf('#');
            if (at >= 0)
            {
                found.Add(at, 2);
                if (text[at..].StartsWith("#boom", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("boom");
                }
            }
        }
    }

    private const string HashtagRule = """
        rules:
          - id: TAG001
            title: No hashtags
            severity: warning
            target: post
            check: hashtags
            message: "{reason}"
        """;

    private static RuleSet Load(string yaml, Check check)
    {
        var result = TestInputs.CreateLoader(check).LoadText(yaml, "custom.yaml");
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.RuleSet!;
    }

    public sealed class NoOptions
    {
    }

    public sealed class HashtagCheck : Check<NoOptions>
    {
        public override string Kind => "hashtags";

        public override string Description => "Posts have no hashtags.";

        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

        public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "match", "detector", "field", "position"];

        public HashtagDetector Detector { get; } = new();

        protected override void Initialize(CheckInitializationContext context, NoOptions options) =>
            context.RegisterText(new DetectorContribution(Detector, [TextField.Text]));
    }

    public sealed class HashtagDetector() : TextDetector("hashtag")
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override SearchValues<char> StartCharacters { get; } = SearchValues.Create("#");

        public override void Detect(ReadOnlySpan<char> text, TextDetections found)
        {
            Interlocked.Increment(ref _calls);
            for (var i = text.IndexOf('#'); i >= 0 && i < text.Length; i = text[(i + 1)..].IndexOf('#') is var next and >= 0 ? i + 1 + next : -1)
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }

                found.Add(i, end - i);
            }
        }
    }
}
