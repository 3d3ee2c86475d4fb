using System.Text;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// Findings on record in TestData/Expected: a test compares what a run gives now with the file, and rewrites the file
/// when run with <c>COMMUNITYRULES_UPDATE_EXPECTED=1</c>, so a change that means to alter findings shows in review.
/// </summary>
internal static class ExpectedFindings
{
    /// <summary>Fails, naming the first line that differs, unless <paramref name="actual"/> is the file's text.</summary>
    /// <param name="fileName">The file's name in TestData/Expected.</param>
    /// <param name="actual">What the run gives now, lines ending in <c>\n</c>.</param>
    public static async Task AssertMatchesAsync(string fileName, string actual)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "CommunityRules.Tests", "TestData", "Expected", fileName);
        if (Environment.GetEnvironmentVariable("COMMUNITYRULES_UPDATE_EXPECTED") == "1")
        {
            await File.WriteAllTextAsync(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        var expected = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            string[] before = expected.Split('\n'), after = actual.Split('\n');
            var common = Math.Min(before.Length, after.Length);
            var first = Enumerable.Range(0, common).FirstOrDefault(i => before[i] != after[i], common);
            Assert.Fail($"The findings changed at line {first + 1} of {fileName} ({before.Length} lines on record, {after.Length} now):\non record: {Line(before, first)}\nnow:       {Line(after, first)}");
        }
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(nothing)";
}
