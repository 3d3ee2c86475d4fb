using System.Globalization;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// Checks that declare their per-item actions thread-safe (<see cref="CheckInitializationContext.EnableConcurrentExecution"/>)
/// run ahead on each batch in parallel and give the same findings in the same order; the others are never called at once.
/// </summary>
public sealed class ConcurrentExecutionTests
{
    [Fact]
    public async Task Findings_failures_and_switched_off_rules_are_the_same_in_parallel_on_one_thread_and_without_opting_in()
    {
        var network = Network(posts: 3000, comments: 2000);

        // The first post's finding comes once the whole first batch ran ahead: 1,024 posts for PAR-FAIL, 512 for PAR-POST.
        var check = new ParallelEchoCheck();
        var callsAtFirstFinding = -1;
        var options = new AnalysisOptions { MaxDegreeOfParallelism = 4, Sinks = { new FirstFinding("PAR-POST", () => callsAtFirstFinding = check.Calls) } };
        var parallel = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(Rules(concurrent: true, check), network, options);
        Assert.Equal(1024 + 512, callsAtFirstFinding);

        var oneThread = await RunAsync(Rules(concurrent: true), network, threads: 1);
        var sequential = await RunAsync(Rules(concurrent: false), network, threads: 4);

        Assert.Equal(Lines(sequential), Lines(parallel));
        Assert.Equal(Lines(sequential), Lines(oneThread));

        // What the rules gave, so the comparison compares something: findings of every rule, failures, a rule switched off.
        Assert.Equal(1500 + 500, parallel.Diagnostics.Count(finding => finding.Rule.Id == "PAR-POST"));
        Assert.Equal(2000, parallel.Diagnostics.Count(finding => finding.Rule.Id == "PAR-COMMENT"));
        Assert.Equal(3000, parallel.Diagnostics.Count(finding => finding.Rule.Id == "PAR-SEQ"));
        Assert.Equal(10, parallel.Diagnostics.Count(finding => finding.Rule.Id == "CR0005" && finding.Properties["rule"] == "PAR-FAIL"));
        Assert.Equal(1, parallel.Summary.RulesSwitchedOff);

        // Before po-97, its tenth failure: po-0, 11, 22, 33, 44, 55, 66 and 88, and po-0, 33 and 66 ask twice.
        Assert.Equal(8 + 3, parallel.Diagnostics.Count(finding => finding.Rule.Id == "PAR-FAIL"));
    }

    [Fact]
    public async Task A_check_that_does_not_opt_in_is_never_called_at_once_not_by_two_runs_nor_by_bot_threads()
    {
        var check = new ParallelEchoCheck();
        var rules = Rules(concurrent: false, check, dwell: true);
        var network = Network(posts: 200, comments: 0);

        await Task.WhenAll(RunAsync(rules, network, threads: 4), RunAsync(rules, network, threads: 4));
        var checker = new PostChecker(rules);
        var open = new Group { Id = "g-0", Name = "SE-Öppen", Privacy = GroupPrivacy.Open };
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => checker.Check(new Post { Id = $"po-{i}", GroupId = "g-0", Text = "Hej" }, open));

        Assert.True(check.Calls > 600, $"the check ran {check.Calls} times");
        Assert.Equal(1, check.MostAtOnce);
    }

    [Fact]
    public void The_bot_calls_a_check_that_opts_in_without_a_lock()
    {
        var check = new ParallelEchoCheck();
        var rules = Rules(concurrent: true, check, dwell: true);
        var checker = new PostChecker(rules);

        using var both = new Barrier(2);
        var failures = 0;

        // Two bot threads in the check at once: each waits inside the action for the other, which a lock would stop.
        check.Inside = () =>
        {
            if (!both.SignalAndWait(TimeSpan.FromSeconds(30)))
            {
                Interlocked.Increment(ref failures);
            }
        };
        var open = new Group { Id = "g-0", Name = "SE-Öppen", Privacy = GroupPrivacy.Open };
        Thread[] threads =
        [
            new(() => checker.Check(new Post { Id = "po-1", GroupId = "g-0", Text = "Hej" }, open)),
            new(() => checker.Check(new Post { Id = "po-2", GroupId = "g-0", Text = "Hej" }, open)),
        ];
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(0, failures);
        Assert.Equal(2, check.MostAtOnce);
    }

    private sealed class FirstFinding(string ruleId, Action seen) : CommunityRules.Reporting.IDiagnosticSink
    {
        private bool _seen;

        public void Emit(Diagnostic diagnostic, NetworkView network)
        {
            if (!_seen && diagnostic.Rule.Id == ruleId)
            {
                _seen = true;
                seen();
            }
        }
    }

    private static Task<AnalysisResult> RunAsync(RuleSet rules, INetworkProvider network, int threads) =>
        new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(rules, network, new AnalysisOptions { MaxDegreeOfParallelism = threads });

    private static List<string> Lines(AnalysisResult result) =>
        [.. result.Diagnostics.Select(finding => $"{finding.Rule.Id} {finding.Target.LogicalPath} {finding.Severity} {finding.Message}")];

    private static RuleSet Rules(bool concurrent, ParallelEchoCheck? check = null, bool dwell = false)
    {
        var yaml = $$"""
            rules:
              - id: PAR-POST
                title: Open groups' posts are echoed, questions twice
                category: testing
                severity: warning
                target: post
                where:
                  group.privacy: open
                check: parallelEcho
                options: { concurrent: {{Yaml(concurrent)}}, dwell: {{Yaml(dwell)}} }
                message: "{reason}"
              - id: PAR-FAIL
                title: Fails on posts whose number ends in 7
                category: testing
                severity: suggestion
                target: post
                check: parallelEcho
                options: { concurrent: {{Yaml(concurrent)}}, failOn: "7", onlyDivisibleBy: 11 }
                message: "{reason}"
              - id: PAR-SEQ
                title: A check that never opts in, between the others
                category: testing
                severity: suggestion
                target: post
                check: echo
                message: "{reason}"
              - id: PAR-COMMENT
                title: Comments are echoed
                category: testing
                severity: suggestion
                target: comment
                check: parallelEcho
                options: { concurrent: {{Yaml(concurrent)}} }
                message: "{reason}"
              - id: PAR-PD
                title: Posts do not share e-mail addresses
                category: privacy
                severity: warning
                target: [post, comment]
                check: personalData
                message: "{detector} at character {position}"
            """;
        var loaded = TestInputs.CreateLoader(check ?? new ParallelEchoCheck(), new EchoCheck()).LoadText(yaml, "parallel.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.RuleSet;
    }

    private static string Yaml(bool value) => value ? "true" : "false";

    private static InMemoryNetwork Network(int posts, int comments)
    {
        var builder = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g-0", Name = "SE-Öppen", Privacy = GroupPrivacy.Open })
            .Add(new Group { Id = "g-1", Name = "SE-Stängd", Privacy = GroupPrivacy.Closed });
        for (var i = 0; i < posts; i++)
        {
            var text = i % 3 == 0 ? $"Vem vet? Skriv till anna{i}@example.org" : $"Inlägg {i}";
            builder.Add(new Post { Id = string.Create(CultureInfo.InvariantCulture, $"po-{i}"), GroupId = $"g-{i % 2}", Text = text });
        }

        for (var i = 0; i < comments; i++)
        {
            builder.Add(new Comment { Id = string.Create(CultureInfo.InvariantCulture, $"co-{i}"), PostId = $"po-{i % Math.Max(1, posts)}", Text = i % 5 == 0 ? $"svar till bo{i}@example.org" : "Tack!" });
        }

        return builder.Build();
    }
}

/// <summary>The options of <see cref="ParallelEchoCheck"/>.</summary>
public sealed class ParallelEchoOptions
{
    /// <summary>Gets or sets a value indicating whether the rule declares its actions thread-safe.</summary>
    public bool Concurrent { get; set; }

    /// <summary>Gets or sets the last digit of the posts the check throws on; none when empty.</summary>
    public string? FailOn { get; set; }

    /// <summary>Gets or sets a divisor: only posts whose number it divides are reported; every post when 0.</summary>
    public int OnlyDivisibleBy { get; set; }

    /// <summary>Gets or sets a value indicating whether each call stays a moment in the check, so calls at once would overlap.</summary>
    public bool Dwell { get; set; }
}

/// <summary>
/// A custom check over posts and comments that opts in to concurrent execution when its options say so: it reports
/// every post (questions twice), may throw, and counts how many of its calls were in it at once.
/// </summary>
public sealed class ParallelEchoCheck : Check<ParallelEchoOptions>
{
    private int _inside;
    private int _mostAtOnce;
    private int _calls;

    public override string Kind => "parallelEcho";

    public override string Description => "Echoes posts and comments, possibly from several threads at once.";

    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post, TargetKind.Comment];

    /// <summary>Gets the most calls that were in the check at once.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// <summary>Gets the number of calls.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Gets or sets what a call does inside the check, once counted.</summary>
    public Action? Inside { get; set; }

    protected override void Initialize(CheckInitializationContext context, ParallelEchoOptions options)
    {
        if (options.Concurrent)
        {
            context.EnableConcurrentExecution();
        }

        if (context.Target == TargetKind.Comment)
        {
            context.RegisterCommentAction(comment => Enter(options, () => comment.Report(new MessageArgument("reason", $"comment {comment.Comment.Id}"))));
            return;
        }

        context.RegisterPostAction(post => Enter(options, () =>
        {
            var number = int.Parse(post.Post.Id.AsSpan(3), CultureInfo.InvariantCulture);
            if (options.FailOn is { } digit && post.Post.Id.EndsWith(digit, StringComparison.Ordinal))
            {
                throw new FormatException($"post {post.Post.Id} cannot be read");
            }

            if (options.OnlyDivisibleBy > 0 && number % options.OnlyDivisibleBy != 0)
            {
                return;
            }

            post.Report(new MessageArgument("reason", $"post {post.Post.Id}"));
            if (post.Post.Text?.Contains('?', StringComparison.Ordinal) == true)
            {
                post.Report(new MessageArgument("reason", $"post {post.Post.Id} asks"));
            }
        }));
    }

    private void Enter(ParallelEchoOptions options, Action report)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inside);
        for (var most = Volatile.Read(ref _mostAtOnce); now > most; most = Volatile.Read(ref _mostAtOnce))
        {
            if (Interlocked.CompareExchange(ref _mostAtOnce, now, most) == most)
            {
                break;
            }
        }

        try
        {
            Inside?.Invoke();
            if (options.Dwell)
            {
                Thread.Sleep(1);
            }

            report();
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
