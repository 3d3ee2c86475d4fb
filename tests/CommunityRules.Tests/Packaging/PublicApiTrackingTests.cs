using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CommunityRules.Tests.Packaging;

/// <summary>
/// The public surface of every package is tracked in its <c>PublicAPI.Shipped.txt</c> and <c>PublicAPI.Unshipped.txt</c>
/// (Microsoft.CodeAnalysis.PublicApiAnalyzers); a change to it without those files fails, and the guard itself is checked.
/// </summary>
public sealed partial class PublicApiTrackingTests : IDisposable
{
    private static readonly string[] ApiFiles = ["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"];

    private readonly string _work = Directory.CreateTempSubdirectory("communityrules-publicapi-").FullName;

    public static TheoryData<string> PackableProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(project).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(project));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PackableProjects))]
    public void The_public_types_of_each_package_are_exactly_the_types_its_public_api_files_list(string project)
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "src", project);
        var lines = ApiFiles
            .Select(file => Path.Combine(folder, file))
            .SelectMany(path => File.Exists(path) ? File.ReadAllLines(path) : throw new FileNotFoundException($"{project} has no {Path.GetFileName(path)}", path))
            .ToList();
        Assert.Equal("#nullable enable", File.ReadLines(Path.Combine(folder, ApiFiles[1])).FirstOrDefault());

        // A type is listed on a line of its own: its full name and nothing else (members have '(', '.get', ' -> ' or modifiers).
        var listed = lines.Where(line => TypeLine().IsMatch(line)).Order(StringComparer.Ordinal).ToList();
        var exported = Assembly.Load(new AssemblyName(project)).GetExportedTypes()
            .Where(type => !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Select(ApiName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(listed, exported);
    }

    [Fact]
    public async Task A_public_member_missing_from_the_files_or_a_listed_member_that_is_gone_fails_the_build()
    {
        // A small packable project under this repository's own build settings, as every project in src/ is built.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "global.json" })
        {
            File.Copy(Path.Combine(TestPaths.RepoRoot, file), Path.Combine(_work, file));
        }

        var project = Path.Combine(_work, "Probe");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <IsPackable>true</IsPackable>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "PublicAPI.Shipped.txt"), "#nullable enable\n");
        await File.WriteAllTextAsync(Path.Combine(project, "PublicAPI.Unshipped.txt"), """
            #nullable enable
            Probe.Widget
            Probe.Widget.Widget() -> void
            Probe.Widget.Name.get -> string!

            """);
        const string Widget = """
            namespace Probe;

            /// <summary>A widget.</summary>
            public sealed class Widget
            {
                /// <summary>Gets the widget's name.</summary>
                public string Name { get; } = "widget";
            """;
        await File.WriteAllTextAsync(Path.Combine(project, "Widget.cs"), Widget + "\n}\n");

        var (tracked, trackedOutput) = await BuildAsync(project);
        Assert.True(tracked == 0, $"the probe whose files list its surface should build:\n{trackedOutput}");

        // One member more (not in the files) and one member less (still in the files).
        await File.WriteAllTextAsync(Path.Combine(project, "Widget.cs"), Widget.Replace(
            "public string Name { get; } = \"widget\";",
            "public int Size { get; } = 1;",
            StringComparison.Ordinal) + "\n}\n");
        var (changed, changedOutput) = await BuildAsync(project);

        Assert.NotEqual(0, changed);
        Assert.Contains("error RS0016", changedOutput, StringComparison.Ordinal);
        Assert.Contains("'Probe.Widget.Size.get -> int'", changedOutput, StringComparison.Ordinal);
        Assert.Contains("error RS0017", changedOutput, StringComparison.Ordinal);
        Assert.Contains("'Probe.Widget.Name.get -> string!'", changedOutput, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    // The spelling the analyzer uses: nested types with '.', generic types with their parameter names.
    private static string ApiName(Type type)
    {
        var name = type.IsNested ? $"{ApiName(type.DeclaringType!)}.{type.Name}" : $"{type.Namespace}.{type.Name}";
        var tick = name.LastIndexOf('`');
        if (tick < 0)
        {
            return name;
        }

        var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).Select(argument => argument.Name);
        return $"{name[..tick]}<{string.Join(", ", own)}>";
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet", ["build", "--nologo", "-v", "q", "--disable-build-servers"], project);
        return (exitCode, output + error);
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*(<[\w, ]+>)?$")]
    private static partial Regex TypeLine();
}
