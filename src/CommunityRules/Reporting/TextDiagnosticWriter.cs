using System.Globalization;
using System.Text;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting;

/// <summary>
/// Writes each finding as it is produced as one line of text, as compilers write diagnostics:
/// <c>group/g-1/post/p-7: warning PG001: message</c>, with <c> (suppressed)</c> after a suppressed one. Control and
/// bidirectional characters from the data are written out (<c>\e</c>, <c>\u202E</c>), so a line can neither act on a
/// terminal nor pose as another line.
/// </summary>
/// <remarks>Not for several runs at once: give each run a writer of its own.</remarks>
public sealed class TextDiagnosticWriter : IDiagnosticSink
{
    private readonly TextWriter _output;

    /// <summary>Initializes a new instance of the <see cref="TextDiagnosticWriter"/> class.</summary>
    /// <param name="output">Where the lines go; the writer does not close it.</param>
    public TextDiagnosticWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Gets or sets a value indicating whether findings at severity <c>silent</c> and suppressed findings are written too.</summary>
    /// <value>The default value is <see langword="false"/>: only what a person should see.</value>
    public bool IncludeHidden { get; set; }

    /// <inheritdoc/>
    public void Emit(Diagnostic diagnostic, NetworkView network)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!IncludeHidden && (diagnostic.IsSuppressed || diagnostic.Severity <= Severity.Silent))
        {
            return;
        }

        var suppressed = diagnostic.IsSuppressed ? " (suppressed)" : string.Empty;
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        _output.Write(TerminalText.Escape(string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Target.LogicalPath}: {severity} {diagnostic.Rule.Id}: {diagnostic.Message}{suppressed}")));
        _output.Write('\n');
        _output.Flush();
    }
}
