using System.Text.RegularExpressions;
using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// Every file in <c>TestData/BadRules</c> is a mistake a rule's author makes, headed by one <c># expect: CODE LINE,COL [text]</c>
/// line per error the loader must print: exactly those errors, at those positions, in plain words, and no rule set.
/// </summary>
public sealed partial class BadRuleFileTests
{
    private const int MinimumFileCount = 22;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RuleTestData.BadRules, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>The files that neither extend nor read other files, which text without a folder cannot resolve.</summary>
    public static TheoryData<string> SelfContainedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RuleTestData.BadRules, "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = File.ReadAllText(file);
            // Text cannot hold bytes that are not UTF-8, so a file with such bytes has no text twin.
            if (!yaml.Contains("extends:", StringComparison.Ordinal) && !yaml.Contains("File:", StringComparison.Ordinal) && !yaml.Contains('\uFFFD', StringComparison.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [Fact]
    public void There_are_enough_bad_rule_files_each_with_its_expected_errors()
    {
        var files = Directory.GetFiles(RuleTestData.BadRules, "*.yaml");

        Assert.True(files.Length >= MinimumFileCount, $"Expected at least {MinimumFileCount} bad rule files, found {files.Length}.");
        Assert.All(files, file => Assert.NotEmpty(ReadExpectations(file)));
        Assert.All(files, file => Assert.Matches(FileNamePattern(), Path.GetFileName(file)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Loader_prints_exactly_the_expected_errors(string fileName)
    {
        var path = Path.Combine(RuleTestData.BadRules, fileName);
        var expected = ReadExpectations(path);

        var result = RuleTestData.CreateLoader().Load([path]);

        var printed = string.Join('\n', result.Errors);
        Assert.True(
            expected.Select(e => $"{e.Code} {e.Line},{e.Column}").SequenceEqual(result.Errors.Select(e => $"{e.Code} {e.Location.Line},{e.Location.Column}")),
            $"Expected:\n{string.Join('\n', expected.Select(e => $"  {e.Code} {e.Line},{e.Column}"))}\nbut the loader printed:\n{printed}");
        Assert.Null(result.RuleSet);
        Assert.False(result.Success);

        foreach (var (error, expectation) in result.Errors.Zip(expected))
        {
            Assert.Equal(path, error.Location.File);
            Assert.Equal($"{path}({expectation.Line},{expectation.Column}): error {expectation.Code}: {error.Message}", error.ToString());
            AssertPlainWords(error);
            if (expectation.Text is { } text)
            {
                Assert.Contains(text, error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_error_points_inside_the_file(string fileName)
    {
        var path = Path.Combine(RuleTestData.BadRules, fileName);
        var lines = File.ReadAllText(path).Split('\n');

        var result = RuleTestData.CreateLoader().Load([path]);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error =>
        {
            Assert.InRange(error.Location.Line, 1, lines.Length);
            Assert.InRange(error.Location.Column, 1, lines[error.Location.Line - 1].TrimEnd('\r').Length + 1);
        });
    }

    [Theory]
    [MemberData(nameof(SelfContainedFiles))]
    public void The_same_text_loaded_as_text_gives_the_same_errors(string fileName)
    {
        var path = Path.Combine(RuleTestData.BadRules, fileName);
        var yaml = File.ReadAllText(path);

        var fromFile = RuleTestData.CreateLoader().Load([path]);
        var fromText = RuleTestData.CreateLoader().LoadText(yaml, fileName);

        Assert.Equal(
            fromFile.Errors.Select(e => (e.Code, e.Location.Line, e.Location.Column)),
            fromText.Errors.Select(e => (e.Code, e.Location.Line, e.Location.Column)));
        Assert.All(fromText.Errors, error => Assert.Equal(fileName, error.Location.File));
        Assert.Null(fromText.RuleSet);
    }

    private static void AssertPlainWords(RuleError error)
    {
        var message = error.Message;
        Assert.False(string.IsNullOrWhiteSpace(message), $"{error.Code} has no message.");
        Assert.Equal(message.Trim(), message);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
        Assert.True(char.IsLetter(message[0]) || message[0] == '\'', $"The message does not start with a word: {message}");
        Assert.True(message.EndsWith('.') || message.EndsWith('?'), $"The message does not end as a sentence: {message}");
        foreach (var jargon in new[] { "Exception", "Newtonsoft", "NJsonSchema", "YamlDotNet", "System.", "JToken", "#/", "Idx:", "Path '" })
        {
            Assert.DoesNotContain(jargon, message, StringComparison.Ordinal);
        }

        // Enum names such as (UriExpected) or (PatternMismatch) are the validator's words, not the author's.
        Assert.DoesNotMatch(EnumNameInParentheses(), message);
    }

    private static List<Expectation> ReadExpectations(string path)
    {
        var expectations = new List<Expectation>();
        foreach (var line in File.ReadLines(path).TakeWhile(line => line.StartsWith('#')))
        {
            if (line.StartsWith("# expect:", StringComparison.Ordinal))
            {
                var match = ExpectLine().Match(line);
                Assert.True(match.Success, $"{Path.GetFileName(path)}: malformed expectation '{line}'; write '# expect: CR1234 LINE,COL [text in the message]'.");
                expectations.Add(new Expectation(
                    match.Groups["code"].Value,
                    int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["text"].Success ? match.Groups["text"].Value : null));
            }
        }

        return expectations;
    }

    [GeneratedRegex(@"^# expect: (?<code>CR\d{4}) (?<line>\d+),(?<column>\d+)(?: (?<text>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.yaml$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"\([A-Z][a-z]+[A-Z][A-Za-z]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex EnumNameInParentheses();

    private sealed record Expectation(string Code, int Line, int Column, string? Text);
}
