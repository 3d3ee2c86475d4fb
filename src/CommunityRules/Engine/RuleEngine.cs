using RegexMatchTimeoutException = System.Text.RegularExpressions.RegexMatchTimeoutException;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;

namespace CommunityRules.Engine;

/// <summary>
/// Runs a rule set over a network in one pass: it indexes people, groups and memberships, streams posts, comments and
/// reactions through the rules' actions while it folds each group's activity, then runs the end-of-run actions —
/// and, only when a rule registered a second-pass post action, reads the posts once more for it.
/// The same inputs and moment give the same findings in the same order.
/// </summary>
public sealed class RuleEngine
{
    private readonly TimeProvider _timeProvider;
    private readonly Reporting.IDiagnosticSink[] _sinks;

    /// <summary>Initializes a new instance of the <see cref="RuleEngine"/> class.</summary>
    /// <param name="timeProvider">The clock for runs whose moment neither the options nor the source give.</param>
    public RuleEngine(TimeProvider timeProvider)
        : this(timeProvider, [])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleEngine"/> class whose every run streams its findings to sinks.</summary>
    /// <param name="timeProvider">The clock for runs whose moment neither the options nor the source give.</param>
    /// <param name="sinks">
    /// Receive each finding of every run as it is produced, before the sinks of the run's own
    /// <see cref="AnalysisOptions.Sinks"/>; runs at once call them at once (see <see cref="Reporting.IDiagnosticSink"/>).
    /// </param>
    public RuleEngine(TimeProvider timeProvider, IEnumerable<Reporting.IDiagnosticSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(sinks);
        _timeProvider = timeProvider;
        _sinks = [.. sinks];
    }

    /// <summary>Runs a rule set over a network.</summary>
    /// <param name="ruleSet">The rules.</param>
    /// <param name="source">The network.</param>
    /// <param name="options">Settings for the run, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The findings and the counts.</returns>
    public async Task<AnalysisResult> AnalyzeAsync(RuleSet ruleSet, INetworkProvider source, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new AnalysisOptions();

        // Posts, comments and reactions are read with only the fields the rules read, where the provider can skip the rest.
        source = source is IFieldProjectingProvider projecting ? projecting.WithFields(ruleSet.Fields) : source;
        var manifest = await source.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        var asOf = options.AsOf ?? manifest?.AsOf ?? _timeProvider.GetUtcNow();
        var network = new NetworkView(manifest, asOf) { IncludeAutomatedAccounts = options.IncludeAutomatedAccounts };
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFindingsPerPost, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRegexTimeoutsPerRule, 1, nameof(options));
        Reporting.IDiagnosticSink[] sinks = [.. _sinks, .. options.Sinks];
        if (!options.KeepDiagnostics && sinks.Length == 0)
        {
            throw new ArgumentException("A run that keeps no findings needs a sink to stream them to (AnalysisOptions.Sinks); otherwise the findings would be lost.", nameof(options));
        }

        var collector = new FindingCollector(ruleSet, network, options.MaxDataIssuesKept, sinks: sinks, keepDiagnostics: options.KeepDiagnostics)
        {
            MaxFindingsPerPost = options.MaxFindingsPerPost,
            MaxRegexTimeoutsPerRule = options.MaxRegexTimeoutsPerRule,
        };
        var run = new Run(ruleSet, network, collector, source, options, cancellationToken);

        var counts = await run.ExecuteAsync().ConfigureAwait(false);
        IReadOnlyList<DataNote> notes = [.. DataCoverage.Notes(run.Unservable, run.Known, source.Description), .. collector.DataNotes];

        // Counted as the findings came, so the counts are whole when the findings were streamed and not kept.
        var diagnostics = collector.OrderedDiagnostics();
        var bySeverity = collector.CountsBySeverity.ToDictionary();
        var byRule = collector.CountsByRule.ToDictionary(StringComparer.Ordinal);
        var summary = new RunSummary(
            asOf,
            source.Description,
            ruleSet.Runtimes.Count,
            counts,
            collector.RejectedCount,
            collector.DataIssueCount,
            bySeverity,
            byRule,
            collector.SuppressedCount)
        {
            CheckFailures = collector.CheckFailureCount,
            RulesSwitchedOff = collector.RulesSwitchedOff,
        };
        return new AnalysisResult(diagnostics, collector.DataIssues, summary, network) { DataNotes = notes };
    }

    /// <summary>One run's state: the indexes being built and the post-to-group map the comments need.</summary>
    private sealed class Run(
        RuleSet ruleSet,
        NetworkView network,
        FindingCollector collector,
        INetworkProvider source,
        AnalysisOptions options,
        CancellationToken cancellationToken)
    {
        private readonly PostGroupIndex _groupOfPost = new();
        private readonly TextBatch<Post> _postBatch = new(ruleSet.Text is { HasPostRules: true } ? ruleSet.Text : null, options, cancellationToken);
        private readonly TextBatch<Comment> _commentBatch = new(ruleSet.Text is { HasCommentRules: true } ? ruleSet.Text : null, options, cancellationToken);

        // What the sources declare; once people, groups and memberships are read, less what not one record shows.
        private DataCapabilities _known = DataCoverage.Known(source.Capabilities, network);
        private HashSet<RuleRuntime> _unservable = [];
        private RuleRuntime[] _personRules = [];
        private RuleRuntime[] _groupRules = [];
        private RuleRuntime[] _postRules = [];
        private RuleRuntime[] _commentRules = [];

        // Posts by bots are scanned only when the run asks for them or a rule names the author's kind.
        private readonly bool _automatedPostsChecked = options.IncludeAutomatedAccounts || NamesAuthorKind(ruleSet, TargetKind.Post);
        private readonly bool _automatedCommentsChecked = options.IncludeAutomatedAccounts || NamesAuthorKind(ruleSet, TargetKind.Comment);

        // What the rules' run start actions registered for this run; started before anything is read.
        private readonly RunActions[] _runActions = Start(Servable(ruleSet.Runtimes, DataCoverage.Unservable(ruleSet.Runtimes, DataCoverage.Known(source.Capabilities, network))), network, collector, cancellationToken);
        private RunActions[]? _groupPostObservers;
        private RunActions[]? _postObservers;
        private RunActions[]? _commentObservers;

        /// <summary>Gets what the data tells, once the people, groups and memberships are read.</summary>
        public DataCapabilities Known => _known;

        /// <summary>Gets the rules that were not run because the data does not tell what their checks need.</summary>
        public IReadOnlyCollection<RuleRuntime> Unservable => _unservable;

        public async Task<RecordCounts> ExecuteAsync()
        {
            try
            {
                return await ExecuteCoreAsync().ConfigureAwait(false);
            }
            finally
            {
                // However the run ends (cancelled, a source that throws), no scanning thread outlives it.
                _postBatch.Stop();
                _commentBatch.Stop();
            }
        }

        private async Task<RecordCounts> ExecuteCoreAsync()
        {
            long people = 0, groups = 0, memberships = 0, posts = 0, comments = 0, reactions = 0, duplicatePosts = 0;

            await foreach (var person in Read("people", source.ReadPeopleAsync(collector, cancellationToken)).ConfigureAwait(false))
            {
                if (network.TryAddPerson(person))
                {
                    people++;
                }
                else
                {
                    collector.Report(new DataIssue(DataIssueKind.DuplicateId, source.Description, null, $"person '{person.Id}' appears more than once; the later record was left out", person.Id));
                }
            }

            await foreach (var group in Read("groups", source.ReadGroupsAsync(collector, cancellationToken)).ConfigureAwait(false))
            {
                if (network.TryAddGroup(group))
                {
                    groups++;
                }
                else
                {
                    collector.Report(new DataIssue(DataIssueKind.DuplicateId, source.Description, null, $"group '{group.Id}' appears more than once; the later record was left out", group.Id));
                }
            }

            await foreach (var membership in Read("memberships", source.ReadMembershipsAsync(collector, cancellationToken)).ConfigureAwait(false))
            {
                memberships++;
                if (network.FindGroup(membership.GroupId) is null)
                {
                    ReportUnknown($"membership of '{membership.PersonId}' refers to group '{membership.GroupId}', which is not in the data", $"membership/{membership.GroupId}/{membership.PersonId}");
                }

                if (network.FindPerson(membership.PersonId) is null)
                {
                    ReportUnknown($"membership in '{membership.GroupId}' refers to person '{membership.PersonId}', which is not in the data", $"membership/{membership.GroupId}/{membership.PersonId}");
                }

                network.AddMembership(membership);
            }

            Progress("people and groups", people + groups);
            Plan();
            RunPersonAndGroupActions();

            // Read through the batch, which reads ahead while a batch is replayed and scans the text as it is read.
            var postsRead = _postBatch.ReadAsync(issues => source.ReadPostsAsync(issues, cancellationToken), collector, post => IsScanned(post.AuthorId, _automatedPostsChecked));
            await foreach (var post in Read("posts", postsRead).ConfigureAwait(false))
            {
                // The group and the author are looked up once here, by position, for the counts below.
                var groupIndex = network.GroupIndexOf(post.GroupId);
                var group = groupIndex >= 0 ? network.GroupAt(groupIndex) : null;
                if (!_groupOfPost.TryAdd(post.Id, group?.Id ?? post.GroupId))
                {
                    duplicatePosts++;
                    collector.Report(new DataIssue(DataIssueKind.DuplicateId, source.Description, null, $"post '{post.Id}' appears more than once; the later record was left out", post.Id));
                    continue;
                }

                posts++;
                if (group is null)
                {
                    ReportUnknown($"post '{post.Id}' refers to group '{post.GroupId}', which is not in the data", post.Id);
                }

                // Bots' and system accounts' messages are not activity: a channel kept alive by a deploy bot is quiet.
                var author = AuthorOf("post", post.Id, post.AuthorId, out var authorIndex);
                DelegateOf("post", post.Id, post.DelegateId);
                if (author is not { Kind: not PersonKind.Person })
                {
                    (groupIndex >= 0 ? network.GetOrAddActivity(groupIndex) : network.GetOrAddActivity(post.GroupId)).AddPost(post.CreatedAt);
                    if (author is not null)
                    {
                        network.PersonActivity?.Add(authorIndex, ActivityKind.Post, post.CreatedAt, post.DelegateId is not null);
                    }
                }
                else if (!_automatedPostsChecked)
                {
                    continue;
                }

                if (group is not null && (author is not { Kind: not PersonKind.Person } || options.IncludeAutomatedAccounts))
                {
                    ObserveGroupPost(post, group);
                }

                ObservePost(post, group);
                if (_postBatch.Add(post, group))
                {
                    await FlushPostsAsync().ConfigureAwait(false);
                }
            }

            await FlushPostsAsync().ConfigureAwait(false);
            var commentsRead = _commentBatch.ReadAsync(issues => source.ReadCommentsAsync(issues, cancellationToken), collector, comment => IsScanned(comment.AuthorId, _automatedCommentsChecked));
            await foreach (var comment in Read("comments", commentsRead).ConfigureAwait(false))
            {
                comments++;
                Group? group = null;
                var author = AuthorOf("comment", comment.Id, comment.AuthorId, out var authorIndex);
                DelegateOf("comment", comment.Id, comment.DelegateId);
                var automated = author is { Kind: not PersonKind.Person };
                if (_groupOfPost.TryGetGroup(comment.PostId, out var groupId))
                {
                    var groupIndex = network.GroupIndexOf(groupId);
                    group = groupIndex >= 0 ? network.GroupAt(groupIndex) : null;
                    if (!automated)
                    {
                        (groupIndex >= 0 ? network.GetOrAddActivity(groupIndex) : network.GetOrAddActivity(groupId)).AddComment(comment.CreatedAt);
                    }
                }
                else
                {
                    ReportUnknown($"comment '{comment.Id}' refers to post '{comment.PostId}', which is not in the data", comment.Id);
                }

                // A comment is its author's part in the network even when its post is not in the export.
                if (author is { Kind: PersonKind.Person })
                {
                    network.PersonActivity?.Add(authorIndex, ActivityKind.Comment, comment.CreatedAt, comment.DelegateId is not null);
                }

                ObserveComment(comment, group);
                if ((!automated || _automatedCommentsChecked) && _commentBatch.Add(comment, group))
                {
                    await FlushCommentsAsync().ConfigureAwait(false);
                }
            }

            await FlushCommentsAsync().ConfigureAwait(false);
            await foreach (var reaction in Read("reactions", source.ReadReactionsAsync(collector, cancellationToken)).ConfigureAwait(false))
            {
                reactions++;
                var reactorIndex = network.PersonIndexOf(reaction.PersonId);
                if (reactorIndex < 0)
                {
                    ReportUnknown($"a reaction to '{reaction.TargetId}' refers to person '{reaction.PersonId}', which is not in the data", $"reaction/{reaction.TargetId}/{reaction.PersonId}");
                }
                else if (network.PersonAt(reactorIndex).Kind == PersonKind.Person)
                {
                    network.PersonActivity?.Add(reactorIndex, ActivityKind.Reaction, reaction.CreatedAt, delegated: false);
                }
            }

            Progress("end-of-run", 0);
            collector.CurrentGroup = null;
            foreach (var rule in Servable(ruleSet.Runtimes, _unservable))
            {
                foreach (var action in rule.EndActions.Concat(_runActions.Where(run => run.Rule == rule).SelectMany(run => run.EndActions)))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        action(new EndContext(network, rule, collector, cancellationToken));
                    }
                    catch (RegexMatchTimeoutException ex)
                    {
                        collector.ReportTimeout(rule, null, ex);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        collector.ReportCheckFailure(rule, null, ex);
                    }
                }
            }

            await RunSecondPassAsync(duplicatePosts).ConfigureAwait(false);
            return new RecordCounts(people, groups, memberships, posts, comments, reactions);
        }

        /// <summary>
        /// Reads the posts again for the rules that asked for a second pass, after the end actions: each post is judged
        /// against what the whole run gathered. The first reading reported the posts' data issues; this one does not.
        /// </summary>
        private async Task RunSecondPassAsync(long duplicatePosts)
        {
            RunActions[] runs = [.. _runActions.Where(run => run.SecondPassPostActions.Count > 0 && !_unservable.Contains(run.Rule))];
            if (runs.Length == 0)
            {
                return;
            }

            // Only when the first reading met a repeated id: the later records were left out then, so they are now.
            HashSet<string>? seen = duplicatePosts > 0 ? new(StringComparer.Ordinal) : null;
            await foreach (var post in Read("posts, second pass", source.ReadPostsAsync(IgnoredDataIssues.Instance, cancellationToken)).ConfigureAwait(false))
            {
                if (seen is not null && !seen.Add(post.Id))
                {
                    continue;
                }

                var author = post.AuthorId is null ? null : network.FindPerson(post.AuthorId);
                if (author is { Kind: not PersonKind.Person } && !_automatedPostsChecked)
                {
                    continue;
                }

                RunPostActions(runs, static run => run.SecondPassPostActions, post, network.FindGroup(post.GroupId));
            }
        }

        private static readonly Func<Person, NetworkView, RuleRuntime, IFindingSink, PersonContext> PersonContextOf = static (person, network, rule, sink) => new PersonContext(person, network, rule, sink);

        private static readonly Func<Group, NetworkView, RuleRuntime, IFindingSink, GroupContext> GroupContextOf = static (group, network, rule, sink) => new GroupContext(group, network, rule, sink);

        // The post and comment rules whose actions are thread-safe, run ahead on each batch; null when none is.
        private ConcurrentActions<Post, PostContext>? _postsAhead;
        private ConcurrentActions<Comment, CommentContext>? _commentsAhead;
        private ItemRun<Post>? _runPost;
        private ItemRun<Comment>? _runComment;

        private void RunPersonAndGroupActions()
        {
            foreach (var person in network.People)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var rule in _personRules)
                {
                    if (collector.IsSwitchedOff(rule))
                    {
                        continue;
                    }

                    try
                    {
                        ItemActions.RunGated(rule, rule.PersonActions, PersonContextOf, person, null, network, collector);
                    }
                    catch (RegexMatchTimeoutException ex)
                    {
                        collector.ReportTimeout(rule, person, ex);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        collector.ReportCheckFailure(rule, person, ex);
                    }
                }
            }

            foreach (var group in network.Groups)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var rule in _groupRules)
                {
                    if (collector.IsSwitchedOff(rule))
                    {
                        continue;
                    }

                    try
                    {
                        ItemActions.RunGated(rule, rule.GroupActions, GroupContextOf, group, group, network, collector);
                    }
                    catch (RegexMatchTimeoutException ex)
                    {
                        collector.ReportTimeout(rule, group, ex);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        collector.ReportCheckFailure(rule, group, ex);
                    }
                }
            }
        }

        // Decides which rules run, now that the data shows what it holds: an export that could list admins but lists
        // none is treated like one that cannot.
        private void Plan()
        {
            _known = DataCoverage.Known(source.Capabilities, network);
            _unservable = DataCoverage.Unservable(ruleSet.Runtimes, _known);
            _personRules = [.. Servable(ruleSet.Runtimes, _unservable).Where(r => r.PersonActions.Count > 0)];
            _groupRules = [.. Servable(ruleSet.Runtimes, _unservable).Where(r => r.GroupActions.Count > 0)];
            _postRules = [.. Servable(ruleSet.PostRuntimes, _unservable)];
            _commentRules = [.. Servable(ruleSet.CommentRuntimes, _unservable)];
            _postBatch.RunAhead = _postsAhead = ConcurrentActions<Post, PostContext>.For(_postRules, ItemActions.PostActionsOf, ItemActions.PostContextOf, network, collector);
            _commentBatch.RunAhead = _commentsAhead = ConcurrentActions<Comment, CommentContext>.For(_commentRules, ItemActions.CommentActionsOf, ItemActions.CommentContextOf, network, collector);

            // Each person's activity is counted only for the rules that need it, so other runs pay nothing for it.
            var windows = Servable(ruleSet.Runtimes, _unservable).SelectMany(rule => rule.ActivityWindows).ToList();
            network.PersonActivity = windows.Count > 0 ? new PersonActivityLedger(network, windows) : null;
        }

        private static RunActions[] Start(IEnumerable<RuleRuntime> rules, NetworkView network, FindingCollector collector, CancellationToken cancellationToken)
        {
            var started = new List<RunActions>();
            foreach (var rule in rules.Where(rule => rule.RunStartActions.Count > 0))
            {
                var actions = new RunActions(rule);
                var context = new RunStartContext(network, actions, cancellationToken);
                try
                {
                    foreach (var action in rule.RunStartActions)
                    {
                        action(context);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A rule whose start failed gathers nothing; its end actions would judge on nothing.
                    collector.ReportCheckFailure(rule, null, ex);
                    continue;
                }

                started.Add(actions);
            }

            return [.. started];
        }

        /// <summary>Runs the group post actions of the rules whose scope includes the post's group; they only gather, so they run at once, not batched.</summary>
        private void ObserveGroupPost(Post post, Group group)
        {
            _groupPostObservers ??= [.. _runActions.Where(run => run.GroupPostActions.Count > 0 && !_unservable.Contains(run.Rule))];
            collector.CurrentGroup = group;
            foreach (var run in _groupPostObservers)
            {
                if (collector.IsSwitchedOff(run.Rule))
                {
                    continue;
                }

                try
                {
                    // A post rule's scope is about posts: it learns from every group, and judges the posts its scope picks.
                    if (run.Rule.Target != TargetKind.Group || run.Rule.IsInScope(group, network, group))
                    {
                        foreach (var action in run.GroupPostActions)
                        {
                            action(new GroupPostContext(post, group, network));
                        }
                    }
                }
                catch (RegexMatchTimeoutException ex)
                {
                    collector.ReportTimeout(run.Rule, group, ex);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    collector.ReportCheckFailure(run.Rule, post, ex);
                }
            }
        }

        /// <summary>Runs this run's post actions of the rules whose scope includes the post; they mostly gather, so they run at once, not batched.</summary>
        private void ObservePost(Post post, Group? group)
        {
            _postObservers ??= [.. _runActions.Where(run => run.PostActions.Count > 0 && !_unservable.Contains(run.Rule))];
            if (_postObservers.Length == 0)
            {
                return;
            }

            RunPostActions(_postObservers, static run => run.PostActions, post, group);
        }

        // Runs one kind of the run's post actions of each rule whose scope includes the post; a check that fails or
        // times out is reported on the post, and the other rules go on.
        private void RunPostActions(RunActions[] runs, Func<RunActions, List<Action<PostContext>>> actionsOf, Post post, Group? group)
        {
            collector.CurrentGroup = group;
            foreach (var run in runs)
            {
                if (collector.IsSwitchedOff(run.Rule))
                {
                    continue;
                }

                try
                {
                    if (run.Rule.IsInScope(post, network, group))
                    {
                        foreach (var action in actionsOf(run))
                        {
                            action(new PostContext(post, network, run.Rule, collector));
                        }
                    }
                }
                catch (RegexMatchTimeoutException ex)
                {
                    collector.ReportTimeout(run.Rule, post, ex);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    collector.ReportCheckFailure(run.Rule, post, ex);
                }
            }
        }

        /// <summary>Runs this run's comment actions of every rule that registered one: they only gather, for posts the rule judges at the end.</summary>
        private void ObserveComment(Comment comment, Group? group)
        {
            _commentObservers ??= [.. _runActions.Where(run => run.CommentActions.Count > 0 && !_unservable.Contains(run.Rule))];
            foreach (var run in _commentObservers)
            {
                if (collector.IsSwitchedOff(run.Rule))
                {
                    continue;
                }

                try
                {
                    foreach (var action in run.CommentActions)
                    {
                        action(new PostCommentContext(comment, group, network));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    collector.CurrentGroup = group;
                    collector.ReportCheckFailure(run.Rule, comment, ex);
                }
            }
        }

        private ValueTask FlushPostsAsync() => _postBatch.FlushAsync(_runPost ??= (Post post, Group? group, ref TextHits hits) =>
            ItemActions.RunPost(_postRules, ruleSet.Text, ref hits, post, group, network, collector, _postsAhead));

        private ValueTask FlushCommentsAsync() => _commentBatch.FlushAsync(_runComment ??= (Comment comment, Group? group, ref TextHits hits) =>
            ItemActions.RunComment(_commentRules, ruleSet.Text, ref hits, comment, group, network, collector, _commentsAhead));

        // Whether the engine may add the post or comment of this author to a batch, so its text is scanned as it is read:
        // the people are all read by then, so this is known before the engine takes the record.
        private bool IsScanned(string? authorId, bool automatedChecked) =>
            automatedChecked || authorId is null || network.FindPerson(authorId) is not { Kind: not PersonKind.Person };

        // Text rules have no actions of their own, so look at every rule of the target, not only those with actions.
        private static bool NamesAuthorKind(RuleSet rules, TargetKind target) =>
            rules.Runtimes.Any(rule => rule.Target == target && rule.Scope.Reads("author.kind"));

        private static IEnumerable<RuleRuntime> Servable(IEnumerable<RuleRuntime> rules, HashSet<RuleRuntime> unservable) =>
            rules.Where(rule => !unservable.Contains(rule));

        private Person? AuthorOf(string kind, string id, string? authorId, out int index)
        {
            index = authorId is null ? -1 : network.PersonIndexOf(authorId);
            if (index >= 0)
            {
                return network.PersonAt(index);
            }

            if (authorId is not null)
            {
                ReportUnknown($"{kind} '{id}' refers to author '{authorId}', who is not in the data", id);
            }

            return null;
        }

        // A leader's post written by a delegate the people list lacks still counts for the leader; the gap is reported.
        private void DelegateOf(string kind, string id, string? delegateId)
        {
            if (delegateId is not null && network.FindPerson(delegateId) is null)
            {
                ReportUnknown($"{kind} '{id}' names delegate '{delegateId}', who is not in the data", id);
            }
        }

        private void ReportUnknown(string message, string recordId) =>
            collector.Report(new DataIssue(DataIssueKind.UnknownReference, source.Description, null, message, recordId));

        private async IAsyncEnumerable<T> Read<T>(string phase, IAsyncEnumerable<T> records)
        {
            Progress(phase, 0);
            long read = 0;
            var interval = Math.Max(1, options.ProgressInterval);
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++read % interval == 0)
                {
                    Progress(phase, read);
                }

                yield return record;
            }

            Progress(phase, read);
        }

        private void Progress(string phase, long read) => options.Progress?.Report(new AnalysisProgress(phase, read));

        /// <summary>Drops what a second reading of a source reports: the first reading reported it already.</summary>
        private sealed class IgnoredDataIssues : IDataIssueReporter
        {
            public static readonly IgnoredDataIssues Instance = new();

            public void Report(DataIssue issue)
            {
            }

            public void Report(DataNote note)
            {
            }
        }
    }
}
