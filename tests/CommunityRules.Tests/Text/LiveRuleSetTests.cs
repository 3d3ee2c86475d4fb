using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

public sealed class LiveRuleSetTests
{
    private const string Rules = """
        rules:
          - id: BOT001
            title: Discouraged words
            target: post
            check: terms
            options: { terms: [TERM] }
            message: "Avoid '{term}'"
        """;

    private static readonly Post Post = new() { Id = "p1", GroupId = "g1", Text = "first second third" };

    [Fact]
    public void A_reload_swaps_in_the_new_rules_and_a_broken_file_keeps_the_old_ones()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules.Replace("TERM", "first", StringComparison.Ordinal));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false);
        var checker = new PostChecker(live);
        Assert.Equal("Avoid 'first'", Assert.Single(checker.Check(Post)).Message);

        File.WriteAllText(file, Rules.Replace("TERM", "second", StringComparison.Ordinal));
        var reloaded = live.Reload();
        Assert.True(reloaded.Succeeded);
        Assert.Equal("Avoid 'second'", Assert.Single(checker.Check(Post)).Message);

        var before = live.Current;
        File.WriteAllText(file, Rules.Replace("terms: [TERM]", "termz: [third]", StringComparison.Ordinal));
        var broken = live.Reload();
        Assert.False(broken.Succeeded);
        Assert.Same(before, live.Current);
        var error = Assert.Single(broken.Errors);
        Assert.Equal((file, 6), (error.Location.File, error.Location.Line));
        Assert.Contains("termz", error.Message, StringComparison.Ordinal);
        Assert.Equal(broken.Errors, live.LastErrors);
        Assert.Equal("Avoid 'second'", Assert.Single(checker.Check(Post)).Message);
    }

    [Fact]
    public async Task A_changed_file_is_picked_up_while_the_bot_runs()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules.Replace("TERM", "first", StringComparison.Ordinal));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file]);
        var reloaded = new TaskCompletionSource<RuleSetReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Reloaded += (_, args) =>
        {
            if (args.Succeeded && args.Current.Rules[0].Descriptor.MessageFormat.Length > 0 && new PostChecker(args.Current).Check(Post) is [{ Message: "Avoid 'third'" }])
            {
                reloaded.TrySetResult(args);
            }
        };

        // Editors save by writing a new file and renaming it over the old one.
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, Rules.Replace("TERM", "third", StringComparison.Ordinal));
        File.Move(temporary, file, overwrite: true);

        var args = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Same(args.Current, live.Current);
    }

    [Fact]
    public void Rules_with_errors_at_the_start_throw_with_the_errors()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules.Replace("check: terms", "check: termz", StringComparison.Ordinal));

        var exception = Assert.Throws<RuleSetLoadException>(() => LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false));

        Assert.Contains("termz", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("rules.yaml(5,", exception.Message, StringComparison.Ordinal);
    }
}

/// <summary>Runs alone: a save stalled by other tests' load for longer than the reload's pauses looks finished.</summary>
[CollectionDefinition(nameof(LiveRuleSetSaveRaceTests), DisableParallelization = true)]
[Collection(nameof(LiveRuleSetSaveRaceTests))]
public sealed class LiveRuleSetSaveRaceTests
{
    private const int RuleCount = 3;

    /// <summary>Three rules, each ending in a quoted message, so a file cut anywhere has fewer rules or does not parse.</summary>
    private static string Rules(int generation) => "rules:\n" + string.Concat(Enumerable.Range(1, RuleCount).Select(index => $$"""
          - id: RACE{{index}}
            title: Discouraged word {{index}}
            target: post
            check: terms
            options: { terms: [word{{index}}] }
            message: "Avoid '{term}' (generation {{generation}})"

        """));

    private static readonly Post Post = new() { Id = "p1", GroupId = "g1", Text = "word1 word2 word3" };

    [Fact]
    public async Task Reloads_racing_in_place_saves_never_swap_in_a_partial_rule_set()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules(0));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false);
        var checker = new PostChecker(live);
        using var stop = new CancellationTokenSource();

        // The writer saves in place as many editors do: truncate, then write the text in a few steps.
        var saves = 0;
        var writer = Task.Run(async () =>
        {
            var random = new Random(20260301);
            for (var generation = 1; generation <= 40; generation++)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(Rules(generation));
                await using (var stream = new FileStream(file, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
                {
                    for (var offset = 0; offset < bytes.Length;)
                    {
                        var step = Math.Min(bytes.Length - offset, random.Next(20, 200));
                        stream.Write(bytes, offset, step);
                        stream.Flush();
                        offset += step;
                        await Task.Delay(random.Next(0, 3));
                    }
                }

                saves++;
                await Task.Delay(random.Next(5, 30));
            }
        });

        var reloads = 0;
        var swapped = 0;
        var reloader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                reloads++;
                if (live.Reload().Succeeded)
                {
                    swapped++;
                }
            }
        });

        var checks = 0;
        var partial = 0;
        var checkerTask = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                checks++;
                if (checker.Check(Post).Count != RuleCount || live.Current.Rules.Count != RuleCount)
                {
                    partial++;
                }
            }
        });

        await writer.WaitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(200);
        var last = live.Reload();
        await stop.CancelAsync();
        await Task.WhenAll(reloader, checkerTask).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(40, saves);
        // A loaded CI machine runs fewer of both; what matters is that some raced the saves and none saw a partial set.
        Assert.True(reloads >= 3, $"Only {reloads} reloads raced the saves.");
        Assert.True(checks >= 10, $"Only {checks} checks ran.");
        Assert.Equal(0, partial);
        Assert.True(last.Succeeded, string.Join('\n', last.Errors));
        Assert.Contains("(generation 40)", Assert.Single(checker.Check(Post), d => d.Rule.Id == "RACE1").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_emptied_on_disk_keeps_the_rules_in_force()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules(0));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false);
        var before = live.Current;

        File.WriteAllText(file, string.Empty);
        var reloaded = live.Reload();

        Assert.False(reloaded.Succeeded);
        Assert.Same(before, live.Current);
        Assert.Equal("CR1026", Assert.Single(reloaded.Errors).Code);
    }

    [Fact]
    public void A_file_that_defines_no_rule_keeps_the_rules_in_force_and_cannot_start_a_bot()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules(0));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false);
        var before = live.Current;

        File.WriteAllText(file, "rules: []\n");
        var reloaded = live.Reload();

        Assert.False(reloaded.Succeeded);
        Assert.Same(before, live.Current);
        Assert.Equal("CR1026", Assert.Single(reloaded.Errors).Code);
        var refused = Assert.Throws<RuleSetLoadException>(() => LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false));
        Assert.Equal("CR1026", Assert.Single(refused.Errors).Code);
    }

    [Fact]
    public void A_file_that_really_loses_a_rule_is_swapped_in_once_it_holds_still()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules(0));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file], watch: false);

        var shorter = Rules(1);
        File.WriteAllText(file, shorter[..shorter.IndexOf("  - id: RACE3", StringComparison.Ordinal)]);
        var reloaded = live.Reload();

        Assert.True(reloaded.Succeeded, string.Join('\n', reloaded.Errors));
        Assert.Equal(["RACE1", "RACE2"], live.Current.Rules.Select(rule => rule.Id));
    }

    [Fact]
    public async Task A_throwing_reloaded_handler_does_not_stop_the_watcher_nor_other_handlers()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, Rules(0));
        using var live = LiveRuleSet.Load(TestInputs.CreateLoader(), [file]);
        var seen = new TaskCompletionSource<RuleSetReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Reloaded += (_, _) => throw new InvalidOperationException("a subscriber's bug");
        live.Reloaded += (_, args) =>
        {
            if (args.Succeeded && args.Current.Rules[0].Descriptor.MessageFormat.Contains("generation 1", StringComparison.Ordinal))
            {
                seen.TrySetResult(args);
            }
        };

        var temporary = file + ".tmp";
        File.WriteAllText(temporary, Rules(1));
        File.Move(temporary, file, overwrite: true);

        var args = await seen.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Same(args.Current, live.Current);

        // A direct call raises the event on the caller's thread, where the handler's exception belongs to the caller.
        Assert.Throws<InvalidOperationException>(() => live.Reload());
    }
}
