using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The configuration of every benchmark here: one short job sized for a small (2-core) machine, the memory
/// diagnoser, and the Ratio and Alloc Ratio columns against each class's baseline. Applied with
/// <c>[Config(typeof(BenchmarkConfig))]</c> on each class, on top of BenchmarkDotNet's default configuration.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="BenchmarkConfig"/> class.</summary>
    public BenchmarkConfig()
    {
        // One process per case, 5 warm-up and 10 measured iterations: the whole suite takes about three minutes.
        // Two warm-ups were too few: the small run was still being re-jitted (tiered compilation) in the measured
        // iterations, which fell from 260 to 110 ms. Compare numbers only within one run; a shared 2-core machine is
        // noisy from run to run.
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(10)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Value);

        // Keep the reports next to the benchmarks, whatever the working directory of 'dotnet run' is, unless the
        // command line names another folder with --artifacts.
        if (!Environment.GetCommandLineArgs().Contains("--artifacts", StringComparer.Ordinal) && FindBenchmarksFolder() is { } folder)
        {
            ArtifactsPath = Path.Combine(folder, "BenchmarkDotNet.Artifacts");
        }
    }

    /// <summary>Finds <c>benchmarks/</c> of this repository above the running assembly, or <see langword="null"/>.</summary>
    private static string? FindBenchmarksFolder()
    {
        var start = Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location) ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CommunityRules.sln")))
            {
                var benchmarks = Path.Combine(directory.FullName, "benchmarks");
                return Directory.Exists(benchmarks) ? benchmarks : null;
            }
        }

        return null;
    }
}
