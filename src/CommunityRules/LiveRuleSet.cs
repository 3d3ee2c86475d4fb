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

    /// <summary>How long a reload waits before it looks again at files that changed while they were read.</summary>
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a reload reads the files before it gives up on files that keep changing.</summary>
    private const int MaxAttempts = 5;

    private readonly RuleSetLoader _loader;
    private readonly string[] _paths;
    private readonly RuleSetLoadOptions? _options;
    private readonly Lock _reloading = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer? _debounce;
    private RuleSet _current;
    private IReadOnlyList<string> _files;
    private IReadOnlyList<RuleError> _lastErrors = [];
    private bool _disposed;

    private LiveRuleSet(RuleSetLoader loader, string[] paths, RuleSetLoadOptions? options, RuleSetLoadResult first, bool watch, TimeProvider timeProvider)
    {
        _loader = loader;
        _paths = paths;
        _options = options;
        _current = first.RuleSet!;
        _files = first.Files;
        if (watch)
        {
            _debounce = timeProvider.CreateTimer(_ => ReloadIfLive(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Watch(first.Files);
        }
    }

    /// <summary>Raised after each reload, whether the new rule set was swapped in or kept out for its errors.</summary>
    /// <remarks>
    /// After a reload that a file change started, the event is raised on a timer thread; an exception a handler throws
    /// there is caught, so it cannot end the process, and the other handlers still run. After a call to
    /// <see cref="Reload"/>, the event is raised on the caller's thread and a handler's exception reaches the caller.
    /// </remarks>
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
    /// <exception cref="RuleSetLoadException">The files have errors, or run no rule (CR1026), so there is no rule set to start with.</exception>
    public static LiveRuleSet Load(RuleSetLoader loader, IEnumerable<string> paths, RuleSetLoadOptions? options = null, bool watch = true, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(paths);
        string[] files = [.. paths];
        var first = RefuseNothingToRun(loader.Load(files, options));
        return first.RuleSet is null
            ? throw new RuleSetLoadException(first.Errors)
            : new LiveRuleSet(loader, files, options, first, watch, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Loads the files again now; swaps the new rule set in when it has no errors and the files held still while read.</summary>
    /// <remarks>
    /// <para>
    /// A rule set with errors is never swapped in: the rule set in force stays, and the errors are returned and kept
    /// in <see cref="LastErrors"/>. An empty rule file and a configuration that runs no rule are errors, so a bot never
    /// runs without rules.
    /// </para>
    /// <para>
    /// Editors that save in place truncate the file and write it in steps, so a reload may read half a file: an empty
    /// file, broken YAML, or valid YAML with the last rules cut off. So a reload whose files changed while they were
    /// read, that fails, or that yields fewer rules than the rule set in force, waits a moment (100 ms) and reads
    /// again; it accepts the outcome only when two reads in a row saw the same files (same sizes and times). After 5
    /// reads of files that keep changing it gives up and keeps the rule set in force, with an error. A call may thus
    /// block for up to half a second.
    /// </para>
    /// <para>Reloads are serialised; posts checked meanwhile use the rule set in force, which is replaced as a whole.</para>
    /// </remarks>
    /// <returns>Whether the new rule set is in force, and the errors when it is not.</returns>
    public RuleSetReloadedEventArgs Reload()
    {
        var outcome = ReloadCore();
        Reloaded?.Invoke(this, outcome);
        return outcome;
    }

    private RuleSetReloadedEventArgs ReloadCore()
    {
        lock (_reloading)
        {
            RuleSetLoadResult? result = null;
            FileStamp[]? previous = null;
            var unchangedReads = 0;
            var settled = false;
            for (var attempt = 0; attempt < MaxAttempts && !settled; attempt++)
            {
                if (attempt > 0)
                {
                    // A short real pause for a writer to finish its save; nothing in the results depends on it.
                    Thread.Sleep(SettleDelay);
                }

                var before = Stamp(_files);
                result = LoadOnce();
                var after = Stamp(result.Files.Count > 0 ? result.Files : _files);
                var stillDuringRead = before.SequenceEqual(Stamp(_files));
                var suspicious = result.RuleSet is null || result.RuleSet.Rules.Count < Current.Rules.Count;
                unchangedReads = previous is not null && previous.SequenceEqual(after) ? unchangedReads + 1 : 0;
                // Fewer rules than in force may be a save caught half-way: taken only once the files held still for
                // two pauses, so a writer stalled for one (a loaded machine) is not mistaken for a finished save.
                settled = suspicious
                    ? unchangedReads >= 2 && stillDuringRead
                    : stillDuringRead;
                previous = after;
            }

            if (!settled && result!.RuleSet is not null)
            {
                var at = new SourceLocation(result.Files.Count > 0 ? result.Files[0] : _paths[0], 0, 0);
                result = new RuleSetLoadResult(null, [new RuleError(at, RuleErrorCodes.UnreadableFile, $"The rule files kept changing while they were read ({MaxAttempts} times); the rule set in force is kept until they hold still.")], result.Files);
            }

            if (result!.RuleSet is { } loaded)
            {
                Volatile.Write(ref _current, loaded);
                Volatile.Write(ref _lastErrors, []);
                _files = result.Files;
            }
            else
            {
                Volatile.Write(ref _lastErrors, result.Errors);
            }

            return new RuleSetReloadedEventArgs(result.RuleSet is not null, Current, result.Errors);
        }
    }

    /// <summary>A bot with no rule to run would let every post through: that is an error, not a rule set.</summary>
    private static RuleSetLoadResult RefuseNothingToRun(RuleSetLoadResult result) =>
        result.RuleSet is { } loaded && RuleSetLoader.NothingToRun(loaded, result.Files) is { } error
            ? new RuleSetLoadResult(null, [error], result.Files)
            : result;

    private RuleSetLoadResult LoadOnce()
    {
        try
        {
            return RefuseNothingToRun(_loader.Load(_paths, _options));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An editor may still hold the file; the next change event or call tries again.
            return new RuleSetLoadResult(null, [new RuleError(new SourceLocation(_paths[0], 0, 0), RuleErrorCodes.UnreadableFile, $"The rule files could not be read: {ex.Message}")], []);
        }
    }

    /// <summary>The size and last write time of each rule file read, to tell whether a file changed while it was read.</summary>
    private static FileStamp[] Stamp(IReadOnlyList<string> files)
    {
        var stamps = new FileStamp[files.Count];
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            try
            {
                var info = new FileInfo(file);
                stamps[index] = info.Exists ? new FileStamp(file, info.Length, info.LastWriteTimeUtc.Ticks) : new FileStamp(file, -1, 0);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stamps[index] = new FileStamp(file, -1, 0);
            }
        }

        return stamps;
    }

    private void ReloadIfLive()
    {
        if (Volatile.Read(ref _disposed))
        {
            return;
        }

        // On the timer thread nobody could catch an exception: it would end the process.
        RuleSetReloadedEventArgs outcome;
        try
        {
            outcome = ReloadCore();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Volatile.Write(ref _lastErrors, [new RuleError(new SourceLocation(_paths[0], 0, 0), RuleErrorCodes.UnreadableFile, $"Reloading the rule files failed: {ex.Message}")]);
            return;
        }

        foreach (var handler in Reloaded?.GetInvocationList() ?? [])
        {
            try
            {
                ((EventHandler<RuleSetReloadedEventArgs>)handler)(this, outcome);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A subscriber's own bug; it must not stop the bot nor the other subscribers.
            }
        }
    }

    private readonly record struct FileStamp(string File, long Length, long LastWriteTicks);

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
