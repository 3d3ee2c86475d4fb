using System.Threading.Channels;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Reporting;

namespace PackageConsumer;

/// <summary>
/// A host's sink: it hands each finding to a queue as the engine produces it, and a reader of its own forwards them
/// (to a bot, say), so the run neither waits for the forwarding nor keeps its findings.
/// </summary>
public sealed class ChannelSink : IDiagnosticSink
{
    private readonly Channel<Diagnostic> _channel = Channel.CreateUnbounded<Diagnostic>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Gets the findings, in the order found.</summary>
    public ChannelReader<Diagnostic> Reader => _channel.Reader;

    /// <summary>Says no more findings come.</summary>
    public void Complete() => _channel.Writer.Complete();

    /// <inheritdoc/>
    public void Emit(Diagnostic diagnostic, NetworkView network) => _channel.Writer.TryWrite(diagnostic);
}
