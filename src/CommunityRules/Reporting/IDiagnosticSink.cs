using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting;

/// <summary>
/// Receives each finding of a run as the engine produces it, as Serilog's <c>ILogEventSink</c> receives log events:
/// for a host that forwards findings to a bot, a queue or a file without holding the run in memory. Pass sinks in
/// <see cref="Engine.AnalysisOptions.Sinks"/>, to the <see cref="Engine.RuleEngine"/>, or with
/// <see cref="CommunityRulesBuilder.AddSink(IDiagnosticSink)"/>.
/// </summary>
/// <remarks>
/// <para>A sink gets exactly the findings the run's <see cref="Engine.AnalysisResult.Diagnostics"/> holds, each once, with
/// its severity in force and its suppression already applied (suppressed findings come too, marked by
/// <see cref="Diagnostic.Suppression"/>): a text rule's findings past <see cref="Engine.AnalysisOptions.MaxFindingsPerPost"/>
/// on one post come as the one finding that says how many were left out, right after the rule's others there. The
/// baseline, which a host compares after the run, is not applied.</para>
/// <para>Order: as found, which is the order of a run on one thread (records in read order, and per record the rules
/// in rule-file order), the same for the same inputs whatever the number of threads; the result's list is sorted by
/// rule afterwards.</para>
/// <para>Calls for one run never overlap, though they may come from different threads one after another. A sink that
/// several runs share at once (one registered with dependency injection, say) must be safe for that itself. Keep
/// <see cref="Emit"/> quick: it holds up the run; hand slow work (a network call) to a queue of your own, such as a
/// <c>System.Threading.Channels.Channel</c>. An exception from a sink stops the run: a finding that cannot be
/// delivered is not dropped silently.</para>
/// </remarks>
public interface IDiagnosticSink
{
    /// <summary>Receives one finding.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="network">The network of the run, as read so far: people, groups and memberships are read before any post, so a finding can be traced to the people responsible for it.</param>
    void Emit(Diagnostic diagnostic, NetworkView network);
}
