namespace CommunityRules.Tests;

/// <summary>Where tests find the repository and their data, wherever the test assembly runs from.</summary>
internal static class TestPaths
{
    private const string SolutionFile = "CommunityRules.sln";

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    /// <summary>Gets the repository's root: the nearest folder above the test assembly that holds <c>CommunityRules.sln</c>.</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>Gets the path of the official SARIF 2.1.0 JSON Schema (draft-04), kept with the test data so a plain clone can run the tests.</summary>
    public static string SarifSchema => Path.Combine(AppContext.BaseDirectory, "TestData", "Sarif", "sarif-2.1.0.schema.json");

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds {SolutionFile}.");
    }
}
