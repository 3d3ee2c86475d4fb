using CommunityRules.Rules;

namespace CommunityRules;

/// <summary>
/// A rule set that follows its files while a bot runs: when a rule file (or a list file beside it) changes, the new
/// rule set is loaded and compiled aside and then swapped in at once, so a post is always checked against one whole
/// rule set. A file with errors keeps the rule set in force and reports the errors through <see cref="Reloaded"/>.
/// </summary>
public sealed class LiveRuleSet : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly RuleSetLoader _loader;
    private readonly string[] _paths;
    private readonly RuleSetLoadOptions? _options;
    private readonly Lock _reloading = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer? _debounce;
    private RuleSet _current;
    private IReadOnlyList<RuleError> _lastErrors = [];
    private bool _disposed;

    private LiveRuleSet(RuleSetLoader loader, string[] paths, RuleSetLoadOptions? options, RuleSetLoadResult first, bool watch, TimeProvider timeProvider)
    {
        _loader = loader;
        _paths = paths;
        _options = options;
        _current = first.RuleSet!;
        if (watch)
        {
            _debounce = timeProvider.CreateTimer(_ => ReloadIfLive(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Watch(first.Files);
        }
    }

    /// <summary>Raised after each reload, whether the new rule set was swapped in or kept out for its errors.</summary>
    public event EventHandler<RuleSetReloadedEventArgs>? Reloaded;

    /// <summary>Gets the rule set in force.</summary>
    public RuleSet Current => Volatile.Read(ref _current);

    /// <summary>Gets the errors of the last reload that failed, or an empty list when the last reload succeeded.</summary>
    public IReadOnlyList<RuleError> LastErrors => Volatile.Read(ref _lastErrors);

    /// <summary>Loads rule files and, unless told otherwise, watches their folders for changes.</summary>
    /// <param name="loader">The loader, with the checks the rules may use.</param>
    /// <param name="paths">The rule files.</param>
    /// <param name="options">Load settings such as the profile; optional.</param>
    /// <param name="watch">Whether to reload when the files change; without it, call <see cref="Reload"/>.</param>
    /// <param name="timeProvider">The clock that waits for a burst of file changes to end; the system clock when left out.</param>
    /// <returns>The live rule set.</returns>
    /// <exception cref="RuleSetLoadException">The files have errors, so there is no rule set to start with.</exception>
    public static LiveRuleSet Load(RuleSetLoader loader, IEnumerable<string> paths, RuleSetLoadOptions? options = null, bool watch = true, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(paths);
        string[] files = [.. paths];
        var first = loader.Load(files, options);
        return first.RuleSet is null
            ? throw new RuleSetLoadException(first.Errors)
            : new LiveRuleSet(loader, files, options, first, watch, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Loads the files again now; swaps the new rule set in when it has no errors.</summary>
    /// <returns>Whether the new rule set is in force, and the errors when it is not.</returns>
    public RuleSetReloadedEventArgs Reload()
    {
        RuleSetReloadedEventArgs outcome;
        lock (_reloading)
        {
            RuleSetLoadResult result;
            try
            {
                result = _loader.Load(_paths, _options);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An editor may still hold the file; the next change event or call tries again.
                result = new RuleSetLoadResult(null, [new RuleError(new SourceLocation(_paths[0], 0, 0), RuleErrorCodes.FileNotFound, $"The rule files could not be read: {ex.Message}")], []);
            }

            if (result.RuleSet is { } loaded)
            {
                Volatile.Write(ref _current, loaded);
                Volatile.Write(ref _lastErrors, []);
            }
            else
            {
                Volatile.Write(ref _lastErrors, result.Errors);
            }

            outcome = new RuleSetReloadedEventArgs(result.RuleSet is not null, Current, result.Errors);
        }

        Reloaded?.Invoke(this, outcome);
        return outcome;
    }

    private void ReloadIfLive()
    {
        if (!Volatile.Read(ref _disposed))
        {
            Reload();
        }
    }

    /// <summary>Stops watching the files.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
        _debounce?.Dispose();
    }

    // Editors save in bursts (truncate, write, rename); wait for the burst to end, then load once.
    private void ScheduleReload()
    {
        if (Volatile.Read(ref _disposed))
        {
            return;
        }

        try
        {
            _debounce!.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // A change that arrived while the rule set was being disposed; nobody is listening any more.
        }
    }

    private void Watch(IEnumerable<string> files)
    {
        var folders = files
            .Concat(_paths)
            .Where(File.Exists)
            .Select(file => Path.GetDirectoryName(Path.GetFullPath(file))!)
            .Distinct(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => ScheduleReload();
            watcher.Created += (_, _) => ScheduleReload();
            watcher.Deleted += (_, _) => ScheduleReload();
            watcher.Renamed += (_, _) => ScheduleReload();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }
}

/// <summary>The outcome of reloading a <see cref="LiveRuleSet"/>.</summary>
/// <param name="succeeded">Whether the new rule set is in force.</param>
/// <param name="current">The rule set in force after the reload: the new one, or the old one when the files have errors.</param>
/// <param name="errors">The errors in the files; empty when the reload succeeded.</param>
public sealed class RuleSetReloadedEventArgs(bool succeeded, RuleSet current, IReadOnlyList<RuleError> errors) : EventArgs
{
    /// <summary>Gets a value indicating whether the new rule set is in force.</summary>
    public bool Succeeded { get; } = succeeded;

    /// <summary>Gets the rule set in force after the reload.</summary>
    public RuleSet Current { get; } = current;

    /// <summary>Gets the errors in the files, each at its file, line and column; empty when the reload succeeded.</summary>
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}

/// <summary>Rule files could not be loaded; <see cref="Errors"/> says where and why.</summary>
public sealed class RuleSetLoadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RuleSetLoadException"/> class.</summary>
    /// <param name="errors">The errors.</param>
    public RuleSetLoadException(IReadOnlyList<RuleError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Initializes a new instance of the <see cref="RuleSetLoadException"/> class.</summary>
    public RuleSetLoadException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleSetLoadException"/> class.</summary>
    /// <param name="message">The message.</param>
    public RuleSetLoadException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="RuleSetLoadException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleSetLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Gets the errors, each at its file, line and column.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    private static string Describe(IReadOnlyList<RuleError> errors) =>
        errors.Count == 0 ? "The rule files could not be loaded." : $"The rule files have {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
