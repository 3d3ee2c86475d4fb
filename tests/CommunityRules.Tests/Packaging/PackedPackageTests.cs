using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace CommunityRules.Tests.Packaging;

/// <summary>Packs the core package and builds and runs a small consumer against the packed .nupkg, as a user would.</summary>
[Collection(Packing)]
public sealed class PackedPackageTests : IDisposable
{
    /// <summary>The test collection of the classes that run <c>dotnet pack</c> on the repository's projects: two packs of one project at once would share its obj folder.</summary>
    internal const string Packing = "dotnet pack";

    /// <summary>The platforms the tool has a package of its own for (the project's ToolPackageRuntimeIdentifiers), <c>any</c> last.</summary>
    private static readonly string[] ToolPlatforms = ["linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64", "any"];

    private readonly string _work = Directory.CreateTempSubdirectory("communityrules-pack-").FullName;
    private readonly string _version = $"0.0.0-test{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    [Fact]
    public async Task A_consumer_builds_and_runs_against_the_packed_package()
    {
        var version = _version;
        var feed = Path.Combine(_work, "feed");
        var project = Path.Combine(TestPaths.RepoRoot, "src", "CommunityRules", "CommunityRules.csproj");
        await RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, $"-p:Version={version}", "--nologo"], TestPaths.RepoRoot);

        var package = Path.Combine(feed, $"CommunityRules.{version}.nupkg");
        Assert.True(File.Exists(package), $"dotnet pack did not produce {package}");
        using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(entry => entry.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/CommunityRules.dll", entries);
            Assert.Contains("lib/net10.0/CommunityRules.xml", entries);
        }

        var consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CommunityRules" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using CommunityRules.Checks;
            using CommunityRules.Data;
            using CommunityRules.Engine;
            using CommunityRules.Model;
            using CommunityRules.Rules;

            var loaded = new RuleSetLoader(BuiltInChecks.Create()).Load(["builtin:governance"]);
            var network = InMemoryNetwork.CreateBuilder()
                .Add(new Group { Id = "g1", Name = "test group" })
                .Build();
            var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(loaded.RuleSet!, network);
            Console.WriteLine($"findings: {string.Join(",", result.Diagnostics.Select(d => d.Rule.Id).Distinct())}");
            """);

        // Isolated from this repository's Directory.Build.props and central package versions by living in a temp folder.
        var output = await RunAsync("dotnet", ["run", "--project", consumer], consumer);

        Assert.Contains("findings: GOV001,GOV002,GOV003", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_installs_from_its_packages_and_runs_as_communityrules_with_the_sample_it_carries()
    {
        var feed = Path.Combine(_work, "tool-feed");
        var tools = Path.Combine(_work, "tools");
        var project = Path.Combine(TestPaths.RepoRoot, "src", "CommunityRules.Cli", "CommunityRules.Cli.csproj");
        // Six publishes, five of them ReadyToRun: 5-7 minutes on a loaded 2-core machine, so more than the usual limit.
        await RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, $"-p:Version={_version}", "--nologo"], TestPaths.RepoRoot, TimeSpan.FromMinutes(25));

        // The pointer package names one package per platform, each of them in the feed, and carries only the README.
        IReadOnlyList<string> platforms;
        using (var pointer = ZipFile.OpenRead(Path.Combine(feed, $"CommunityRules.Cli.{_version}.nupkg")))
        {
            using var readme = new StreamReader(pointer.GetEntry("README.md")!.Open());
            Assert.StartsWith("# communityrules", await readme.ReadLineAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(pointer.Entries, entry => entry.FullName.EndsWith(".dll", StringComparison.Ordinal));
            using var settings = pointer.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open();
            platforms = XDocument.Load(settings).Descendants("RuntimeIdentifierPackage")
                .Select(package => package.Attribute("RuntimeIdentifier")!.Value).ToList();
        }

        Assert.Equal(ToolPlatforms, platforms);
        foreach (var platform in platforms)
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"CommunityRules.Cli.{platform}.{_version}.nupkg"));
            var folder = $"tools/net10.0/{platform}/";
            Assert.Single(package.Entries, entry => entry.FullName == folder + "sample-network/posts.jsonl");
            var tool = package.GetEntry(folder + "CommunityRules.Cli.dll");
            Assert.NotNull(tool);
            // ReadyToRun for each named platform; the portable fallback is IL only, so it runs anywhere .NET does.
            Assert.True(IsReadyToRun(tool) == (platform != "any"), $"{folder}CommunityRules.Cli.dll: ReadyToRun is {IsReadyToRun(tool)}");
        }

        await RunAsync("dotnet", ["tool", "install", "CommunityRules.Cli", "--tool-path", tools, "--add-source", feed, "--version", _version], _work);
        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "communityrules.exe" : "communityrules");

        var help = await RunAsync(command, ["--help"], _work);
        var check = await RunAsync(command, ["check", "--fail-on", "never"], _work);

        Assert.Contains("Usage:\n  communityrules [command] [options]", help.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("GOV003", check, StringComparison.Ordinal);

        // The install chose this machine's package: on linux-x64, the ReadyToRun one.
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "CommunityRules.Cli.dll", SearchOption.AllDirectories);
        var main = Assert.Single(installed);
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
        {
            Assert.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", main, StringComparison.Ordinal);
            using var stream = File.OpenRead(main);
            Assert.True(IsReadyToRun(stream), $"{main} is not ReadyToRun");
        }

        // The fallback for other platforms runs on the shared runtime as it is.
        var fallback = Path.Combine(_work, "any");
        ZipFile.ExtractToDirectory(Path.Combine(feed, $"CommunityRules.Cli.any.{_version}.nupkg"), fallback);
        var portable = await RunAsync("dotnet", [Path.Combine(fallback, "tools", "net10.0", "any", "CommunityRules.Cli.dll"), "check", "--fail-on", "never"], _work);
        Assert.Contains("GOV003", portable, StringComparison.Ordinal);
    }

    /// <summary>Whether an assembly carries precompiled native code: ReadyToRun images have a managed native header.</summary>
    private static bool IsReadyToRun(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return IsReadyToRun(buffer);
    }

    private static bool IsReadyToRun(Stream assembly)
    {
        using var reader = new PEReader(assembly, PEStreamOptions.LeaveOpen);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    public void Dispose()
    {
        // Each run packs a new version; remove it from the global package cache so runs do not pile up there.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string[] packages = ["communityrules", "communityrules.cli", .. ToolPlatforms.Select(platform => $"communityrules.cli.{platform}")];
        foreach (var folder in packages.Select(package => Path.Combine(cache, package, _version)).Prepend(_work))
        {
            DeleteQuietly(folder);
        }
    }

    private static void DeleteQuietly(string folder)
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

    internal static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan? timeLimit = null)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync(fileName, arguments, workingDirectory, timeout: timeLimit);
        var text = output + error;
        Assert.True(exitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited with {exitCode}:\n{text}");
        return text;
    }
}
