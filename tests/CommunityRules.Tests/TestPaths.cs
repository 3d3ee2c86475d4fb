namespace CommunityRules.Tests;

/// <summary>Where tests find the repository and the shared test data, wherever the test assembly runs from.</summary>
internal static class TestPaths
{
    private const string SolutionFile = "CommunityRules.sln";
    private const string SarifSchemaFile = "sarif-2.1.0.schema.json";

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> LazySharedData = new(FindSharedData);

    /// <summary>Gets the repository's root: the nearest folder above the test assembly that holds <c>CommunityRules.sln</c>.</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>
    /// Gets the shared data folder: a <c>shared/data</c> folder holding the SARIF schema found walking up from the test
    /// assembly (a copy beside the output, or the one beside the repository), else <c>../shared/data</c> from <see cref="RepoRoot"/>.
    /// </summary>
    public static string SharedData => LazySharedData.Value;

    /// <summary>Gets the path of the official SARIF 2.1.0 JSON Schema (draft-04) in <see cref="SharedData"/>.</summary>
    public static string SarifSchema => Path.Combine(SharedData, SarifSchemaFile);

    private static string FindRepoRoot() =>
        FindUpwards(folder => File.Exists(Path.Combine(folder, SolutionFile)))
        ?? throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds {SolutionFile}.");

    private static string FindSharedData()
    {
        var found = FindUpwards(folder => File.Exists(Path.Combine(folder, "shared", "data", SarifSchemaFile)));
        return found is not null
            ? Path.Combine(found, "shared", "data")
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
    }

    private static string? FindUpwards(Func<string, bool> isWanted)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (isWanted(folder.FullName))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
