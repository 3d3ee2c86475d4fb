namespace CommunityRules.Tests.Packaging;

/// <summary>
/// Packs the core package and runs tests/PackageConsumer, a library user's project outside the solution, against the
/// packed .nupkg from a local folder: its own check that throws, docs/extending.md's text detector in the shared
/// matcher, and a host that streams findings through a sink.
/// </summary>
[Collection(PackedPackageTests.Packing)]
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("communityrules-consumer-").FullName;
    private readonly string _version = $"0.0.0-consumer{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    [Fact]
    public async Task The_out_of_solution_consumer_isolates_a_throwing_check_and_streams_its_findings()
    {
        var feed = Path.Combine(_work, "feed");
        var project = Path.Combine(TestPaths.RepoRoot, "src", "CommunityRules", "CommunityRules.csproj");
        await PackedPackageTests.RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, $"-p:Version={_version}", "--nologo"], TestPaths.RepoRoot);

        // The consumer is copied out of the repository, so nothing of the repository's build settings reaches it, and
        // a nuget.config beside it adds the pack's folder to the machine's own sources.
        var consumer = Path.Combine(_work, "consumer");
        var source = Path.Combine(TestPaths.RepoRoot, "tests", "PackageConsumer");
        Directory.CreateDirectory(consumer);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        // docs/extending.md's detector check, compiled against the package as a reader would copy it from the page.
        File.Copy(Path.Combine(TestPaths.RepoRoot, "tests", "CommunityRules.Tests", "Documentation", "EmployeeNumberCheck.cs"), Path.Combine(consumer, "EmployeeNumberCheck.cs"));

        await File.WriteAllTextAsync(Path.Combine(consumer, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <CommunityRulesVersion>{_version}</CommunityRulesVersion>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        var output = (await PackedPackageTests.RunAsync("dotnet", ["run", "--project", consumer], consumer)).ReplaceLineEndings("\n");

        // One CR0005 per failure, naming the rule, the check and the post; the run went on: the same rule reported on
        // the other posts, and the other rules ran. docs/extending.md's detector, added to the shared matcher, found
        // the employee number with a valid check digit (masked, as personal data) and not the one without. Findings came
        // through the sink in the order found; none were kept.
        string[] streamed = [.. output.Split('\n').Where(line => line.StartsWith("streamed: ", StringComparison.Ordinal))];
        Assert.Equal(
            [
                "streamed: CON-NAME group/g-2",
                "streamed: CON-WORDS group/g-1/post/po-1",
                "streamed: CR0005 group/g-1/post/po-2 rule=CON-WORDS check=fragileWords",
                "streamed: CR0005 group/g-2/post/po-4 rule=CON-WORDS check=fragileWords",
                "streamed: CON-WORDS group/g-2/post/po-5",
                "streamed: CON-EMPLOYEE group/g-1/post/po-6 it contains an employee number (*-*****60) at character 28",
            ],
            streamed);
        Assert.Contains("rules: 3, streamed: 6, kept: 0, check failures: 2, by rule: CON-EMPLOYEE=1,CON-NAME=1,CON-WORDS=2,CR0005=2", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var folder in new[] { _work, Path.Combine(cache, "communityrules", _version) })
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
