using System.Diagnostics;

namespace CommunityRules.Tests;

/// <summary>
/// Runs a program a test needs (dotnet, the tool, setpriv, Chromium, PostgreSQL's programs, mkfifo) and returns its
/// exit code and what it wrote. A program still running at its time limit is killed with its children, because a hung
/// child would outlive the test run and hold its files.
/// </summary>
internal static class ChildProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="fileName"/> and waits for it, five minutes unless <paramref name="timeout"/> says otherwise.</summary>
    /// <exception cref="TimeoutException">The program did not finish in time; the message holds what it wrote to standard error.</exception>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        using var process = Start(fileName, arguments, workingDirectory, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        using var cancellation = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {limit}: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>The same as <see cref="RunAsync"/> for the few callers that cannot await (fixtures' set-up, file helpers).</summary>
    /// <exception cref="TimeoutException">The program did not finish in time.</exception>
    public static (int ExitCode, string Output, string Error) Run(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        using var process = Start(fileName, arguments, workingDirectory, environment: null);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {limit}.");
        }

        // WaitForExit with a limit does not wait for the streams' end; the tasks do.
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static Process Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
    }
}
