namespace CommunityRules.Cli;

/// <summary>What the process's exit code tells a pipeline.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above the --fail-on severity.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the --fail-on severity, or failing rule examples.</summary>
    public const int Findings = 1;

    /// <summary>Invalid rules, unreadable data or bad usage: the run could not be trusted.</summary>
    public const int Invalid = 2;
}
