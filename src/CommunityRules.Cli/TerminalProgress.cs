using System.Globalization;
using CommunityRules.Engine;

namespace CommunityRules.Cli;

/// <summary>Shows on one terminal line what a long run is reading, at most a few times a second; silent when stderr is not a terminal.</summary>
internal sealed class TerminalProgress(TextWriter error, TimeProvider time) : IProgress<AnalysisProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private long _lastShown = long.MinValue;
    private int _width;

    public static TerminalProgress? ForConsole(TextWriter error, TimeProvider time) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new TerminalProgress(error, time) : null;

    public void Report(AnalysisProgress value)
    {
        var now = time.GetTimestamp();
        if (_lastShown != long.MinValue && time.GetElapsedTime(_lastShown, now) < Interval)
        {
            return;
        }

        _lastShown = now;
        var text = value.RecordsRead > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Reading {value.Phase}: {value.RecordsRead:N0}")
            : $"Reading {value.Phase}…";
        error.Write("\r" + text.PadRight(_width));
        _width = text.Length;
    }

    public void Clear()
    {
        if (_width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
