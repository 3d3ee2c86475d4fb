using System.Text;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// Files a rule set names that are not what they seem: pipes, devices, folders, links that lead nowhere or in a
/// circle, files too large or not UTF-8. Each is refused with one located error naming the path, before it is read
/// (a pipe would block, a device never ends), and no error echoes the content. These need a Unix file system.
/// </summary>
public sealed class HostileRuleInputTests
{
    private const string TermsRule = """
        rules:
          - id: HOS001
            title: Blocked words
            target: post
            check: terms
            options:
              termsFile: LIST
            message: "{term}"
        """;

    private const string NamingRule = """
        rules:
          - id: HOS002
            title: Names
            target: group
            check: naming
            options:
              pattern: "^SE-"
              blockedWordsFile: LIST
            message: "{reason}"
        """;

    public static TheoryData<string, string> SpecialPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var place in new[] { "rules", "extends", "termsFile", "blockedWordsFile" })
        {
            foreach (var kind in new[] { "fifo", "/dev/zero", "/dev/urandom", "dangling", "loop", "folder" })
            {
                data.Add(place, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecialPaths))]
    public async Task A_special_file_is_refused_before_it_is_read(string place, string kind)
    {
        using var folder = new TempFolder();
        var target = SpecialFiles.Create(folder.Path, kind);
        var (paths, expectedFile) = place switch
        {
            "rules" => ([target], target),
            "extends" => (Write(folder, "main.yaml", $"extends: ['{target}']\n" + NamingRule.Replace("blockedWordsFile: LIST", "blockedWords: [x]", StringComparison.Ordinal)), Path.Combine(folder.Path, "main.yaml")),
            "termsFile" => (Write(folder, "main.yaml", TermsRule.Replace("LIST", $"'{target}'", StringComparison.Ordinal)), Path.Combine(folder.Path, "main.yaml")),
            _ => (Write(folder, "main.yaml", NamingRule.Replace("LIST", $"'{target}'", StringComparison.Ordinal)), Path.Combine(folder.Path, "main.yaml")),
        };

        // A pipe opened for reading waits for a writer: the load must end on its own.
        var result = await Task.Run(() => RuleTestData.CreateLoader().Load(paths)).WaitAsync(TimeSpan.FromSeconds(60));

        if (kind == "folder" && place is "rules" or "extends")
        {
            // A folder is a valid rule path: its files are read, and it has none.
            var none = Assert.Single(result.Errors);
            Assert.Equal("CR1015", none.Code);
            Assert.Contains("holds no .yaml or .yml rule file", none.Message, StringComparison.Ordinal);
            return;
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1024", error.Code);
        Assert.Equal(expectedFile, error.Location.File);
        Assert.True(error.Location.Line >= 1);
        Assert.Contains($"'{target}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(SpecialFiles.ExpectedWords(kind), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Extending_a_file_that_is_not_a_rule_file_does_not_echo_its_content()
    {
        using var folder = new TempFolder();
        var secrets = Path.Combine(folder.Path, "passwd");
        File.WriteAllLines(secrets, Enumerable.Range(0, 40).Select(i => $"user{i}:x:{1000 + i}:{1000 + i}:Secret Person {i}:/home/user{i}:/bin/bash"));
        var main = Write(folder, "main.yaml", $"extends: ['{secrets}']\n");

        var result = RuleTestData.CreateLoader().Load(main);

        var error = Assert.Single(result.Errors, e => e.Location.File == secrets);
        Assert.Equal("CR1004", error.Code);
        Assert.DoesNotContain("user0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Fact]
    public void A_long_value_in_an_error_is_cut()
    {
        var longHelp = "help-" + new string('x', 5000);
        var result = RuleTestData.CreateLoader().LoadText($"rules:\n  - id: CUT001\n    title: T\n    target: group\n    check: naming\n    options: {{ pattern: \"^SE-\" }}\n    help: {longHelp}\n    message: m\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("CR1006", 7, 11), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Contains("'help-xxxxxxxxxx", error.Message, StringComparison.Ordinal);
        Assert.Contains("…'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Theory]
    [InlineData("termsFile")]
    [InlineData("blockedWordsFile")]
    public void A_list_file_that_is_not_utf8_is_an_error_at_its_line_and_column_without_its_content(string option)
    {
        using var folder = new TempFolder();
        var list = Path.Combine(folder.Path, "words.txt");
        File.WriteAllBytes(list, [.. "secretword\nplain\nbl"u8, 0xE5, .. "ttext\n"u8]);
        var main = Write(folder, "main.yaml", (option == "termsFile" ? TermsRule : NamingRule).Replace("LIST", "words.txt", StringComparison.Ordinal));

        var result = RuleTestData.CreateLoader().Load(main);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("CR1025", Path.Combine(folder.Path, "words.txt"), 3, 3), (error.Code, error.Location.File, error.Location.Line, error.Location.Column));
        Assert.DoesNotContain("secretword", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xE5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_that_is_not_utf8_is_an_error_at_its_line_and_column()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "latin1.yaml");
        File.WriteAllBytes(file, [.. "rules:\n  - id: ENC\n    title: \u00c5"u8, .. "sa "u8, 0xC5, .. "sa\n"u8]);

        var error = Assert.Single(RuleTestData.CreateLoader().Load([file]).Errors);

        Assert.Equal(("CR1025", 3, 16), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("extends")]
    [InlineData("termsFile")]
    [InlineData("blockedWordsFile")]
    public void A_file_over_the_size_limit_is_refused_without_being_read(string place)
    {
        using var folder = new TempFolder();
        var large = Path.Combine(folder.Path, "large.txt");
        using (var stream = File.Create(large))
        {
            stream.SetLength(RuleInputFile.MaxBytes + 1L);
        }

        var paths = place switch
        {
            "rules" => [large],
            "extends" => Write(folder, "main.yaml", $"extends: [large.txt]\n"),
            "termsFile" => Write(folder, "main.yaml", TermsRule.Replace("LIST", "large.txt", StringComparison.Ordinal)),
            _ => Write(folder, "main.yaml", NamingRule.Replace("LIST", "large.txt", StringComparison.Ordinal)),
        };

        var result = RuleTestData.CreateLoader().Load(paths);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1021", error.Code);
        Assert.Contains("larger than 8 MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("termsFile")]
    [InlineData("blockedWordsFile")]
    public void A_list_file_with_an_overlong_line_is_an_error_at_that_line(string option)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "words.txt"), "one\n" + new string('w', RuleInputFile.MaxLineLength + 10) + "\n");
        var main = Write(folder, "main.yaml", (option == "termsFile" ? TermsRule : NamingRule).Replace("LIST", "words.txt", StringComparison.Ordinal));

        var error = Assert.Single(RuleTestData.CreateLoader().Load(main).Errors);

        Assert.Equal(("CR1021", 2, RuleInputFile.MaxLineLength + 1), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void A_rule_folder_with_a_link_loop_is_read_once()
    {
        using var folder = new TempFolder();
        var rules = Directory.CreateDirectory(Path.Combine(folder.Path, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "a.yaml"), NamingRule.Replace("blockedWordsFile: LIST", "blockedWords: [x]", StringComparison.Ordinal));
        var sub = Directory.CreateDirectory(Path.Combine(rules, "sub")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(sub, "back"), rules);
        Directory.CreateSymbolicLink(Path.Combine(sub, "self"), sub);
        File.CreateSymbolicLink(Path.Combine(sub, "again.yaml"), Path.Combine(rules, "a.yaml"));

        var result = RuleTestData.CreateLoader().Load([rules]);

        Assert.Empty(result.Errors);
        Assert.Single(result.RuleSet!.Rules);
        Assert.Single(result.Files);
    }

    [Fact]
    public void Files_past_the_count_limit_are_one_error()
    {
        using var folder = new TempFolder();
        for (var index = 0; index <= RuleInputFile.MaxFiles; index++)
        {
            File.WriteAllText(Path.Combine(folder.Path, $"r{index:D4}.yaml"), $"severity:\n  default: warning\n");
        }

        var result = RuleTestData.CreateLoader().Load([folder.Path]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1021", error.Code);
        Assert.Contains("more than 1,000 files", error.Message, StringComparison.Ordinal);
        Assert.Equal(RuleInputFile.MaxFiles, result.Files.Count);
    }

    [Fact]
    public void A_folder_nested_too_deep_is_an_error()
    {
        using var folder = new TempFolder();
        var deep = folder.Path;
        for (var level = 0; level <= RuleInputFile.MaxFolderDepth; level++)
        {
            deep = Directory.CreateDirectory(Path.Combine(deep, "d")).FullName;
        }

        File.WriteAllText(Path.Combine(deep, "r.yaml"), NamingRule);

        var error = Assert.Single(RuleTestData.CreateLoader().Load([folder.Path]).Errors);

        Assert.Equal(("CR1021", folder.Path), (error.Code, error.Location.File));
        Assert.Contains("folders deep", error.Message, StringComparison.Ordinal);
    }

    private static string[] Write(TempFolder folder, string name, string text)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return [path];
    }
}
