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
