using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CommunityRules.Rules.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlTreeNode"/> tree, refusing what rule files never need and an
/// attacker could abuse: anchors and aliases, custom tags, deep nesting, duplicate keys, huge files.
/// </summary>
internal static partial class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Parses a document; on failure returns <see langword="null"/> and adds errors with positions.</summary>
    public static YamlTreeNode? Read(string text, string file, ICollection<RuleError> errors)
    {
        if (text.Length > MaxBytes)
        {
            errors.Add(new RuleError(new SourceLocation(file, 1, 1), RuleErrorCodes.TooLarge, $"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it into several rule files."));
            return null;
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, errors, depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _) && parser.Current is { } next)
            {
                errors.Add(Error(file, next.Start, RuleErrorCodes.YamlSyntax, "The file holds more than one YAML document ('---'); keep one document per file."));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(Describe(ex, text, file));
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's scanner throws this for escapes of a surrogate pair the wrong way round, such as "\udc00\ud800".
            var from = (int)Math.Min(parser.Current?.End.Index ?? 0, text.Length);
            var escape = SurrogateEscape().Match(text, from);
            var (line, column) = escape.Success ? LineAndColumn(text, escape.Index) : (Math.Max(1, (int)(parser.Current?.End.Line ?? 1)), Math.Max(1, (int)(parser.Current?.End.Column ?? 1)));
            errors.Add(new RuleError(
                new SourceLocation(file, line, column),
                RuleErrorCodes.YamlSyntax,
                "The escape names half of a surrogate pair (\\uD800 to \\uDFFF), which is no character on its own; write the character itself, or escape it whole as \\UXXXXXXXX (such as \\U0001F600)."));
            return null;
        }
        catch (InvalidOperationException)
        {
            // The parser meets an event it did not expect (an unclosed { or [ before the next key); say where it stopped.
            var at = parser.Current?.Start ?? Mark.Empty;
            errors.Add(new RuleError(
                new SourceLocation(file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column)),
                RuleErrorCodes.YamlSyntax,
                "The YAML is not well formed here; check the lines above for a '{' or '[' that is never closed, or a value indented differently from its neighbours."));
            return null;
        }
    }

    private static YamlTreeNode? ReadNode(IParser parser, string file, ICollection<RuleError> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, $"The document nests deeper than {MaxDepth} levels.");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            errors.Add(Error(file, alias.Start, RuleErrorCodes.UnsupportedYaml, $"Aliases ('*{alias.Value}') are not supported in rule files; write the value out in full."));
            return null;
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            RejectAnchorOrTag(scalar, file, errors);
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            var value = scalar.Value;
            if (LoneSurrogate(value) >= 0)
            {
                // From text given in memory or an escape such as "\ud800": no character, and no JSON or report could hold it.
                errors.Add(Error(file, scalar.Start, RuleErrorCodes.InvalidEncoding, "The value holds half of a surrogate pair (U+D800 to U+DFFF), which is no character on its own; write the character itself, or escape it whole as \\UXXXXXXXX (such as \\U0001F600)."));
                value = ReplaceLoneSurrogates(value);
            }

            return new YamlTreeScalar(value, quoted, (int)scalar.Start.Line, (int)scalar.Start.Column, (int)scalar.End.Line, (int)scalar.End.Column);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            RejectAnchorOrTag(sequenceStart, file, errors);
            var items = new List<YamlTreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (ReadNode(parser, file, errors, depth + 1) is { } item)
                {
                    items.Add(item);
                }
            }

            return new YamlTreeSequence(items, (int)sequenceStart.Start.Line, (int)sequenceStart.Start.Column);
        }

        var mappingStart = parser.Consume<MappingStart>();
        RejectAnchorOrTag(mappingStart, file, errors);
        var entries = new List<KeyValuePair<YamlTreeScalar, YamlTreeNode>>();
        var seen = new Dictionary<string, YamlTreeScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (ReadNode(parser, file, errors, depth + 1) is not YamlTreeScalar key)
            {
                errors.Add(Error(file, keyEvent.Start, RuleErrorCodes.WrongType, "A key must be a plain word such as 'id' or 'title', not a list or mapping."));
                ReadNode(parser, file, errors, depth + 1);
                continue;
            }

            var value = ReadNode(parser, file, errors, depth + 1);
            if (seen.TryGetValue(key.Value, out var first))
            {
                errors.Add(new RuleError(
                    new SourceLocation(file, key.Line, key.Column),
                    RuleErrorCodes.DuplicateKey,
                    $"The key '{Echo.Short(key.Value)}' appears twice in the same mapping (first at line {first.Line}); remove one of them."));
                continue;
            }

            seen.Add(key.Value, key);
            if (value is not null)
            {
                entries.Add(new(key, value));
            }
        }

        return new YamlTreeMapping(entries, (int)mappingStart.Start.Line, (int)mappingStart.Start.Column);
    }

    private static void RejectAnchorOrTag(NodeEvent node, string file, ICollection<RuleError> errors)
    {
        if (!node.Anchor.IsEmpty)
        {
            errors.Add(Error(file, node.Start, RuleErrorCodes.UnsupportedYaml, $"Anchors ('&{node.Anchor}') are not supported in rule files; write each value out in full."));
        }

        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            errors.Add(Error(file, node.Start, RuleErrorCodes.UnsupportedYaml, $"Tags ('{node.Tag}') are not supported in rule files; remove the tag."));
        }
    }

    /// <summary>The index of the first surrogate that is not half of a pair in order, or -1.</summary>
    private static int LoneSurrogate(string value)
    {
        for (var i = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string ReplaceLoneSurrogates(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    [GeneratedRegex(@"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SurrogateEscape();

    private static RuleError Error(string file, Mark mark, string code, string message) =>
        new(new SourceLocation(file, (int)mark.Line, (int)mark.Column), code, message);

    /// <summary>Turns the parser's message into plain words; tabs get their own explanation, as they are the most common cause.</summary>
    private static RuleError Describe(YamlException exception, string text, string file)
    {
        var line = (int)exception.Start.Line;
        var column = (int)exception.Start.Column;
        var lines = text.Split('\n');
        var message = exception.Message;
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) || (line >= 1 && line <= lines.Length && lines[line - 1].Contains('\t', StringComparison.Ordinal)))
        {
            // The parser notices a tab where it breaks the structure, often a line late; point at the tab itself.
            for (var i = Math.Max(0, line - 2); i < lines.Length; i++)
            {
                var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
                if (tab >= 0 && tab < indentation)
                {
                    return new RuleError(new SourceLocation(file, i + 1, tab + 1), RuleErrorCodes.YamlSyntax, "A tab is used for indentation; YAML allows only spaces. Replace the tab with spaces.");
                }
            }
        }

        // message: {group.name} ... is read as a YAML mapping; the fix is quotes, which a newcomer cannot guess from the parser's words.
        for (var i = Math.Max(0, line - 2); i < Math.Min(lines.Length, line); i++)
        {
            var unquotedBrace = UnquotedBraceValue().Match(lines[i]);
            if (unquotedBrace.Success && !lines[i].TrimEnd().EndsWith('}'))
            {
                return new RuleError(new SourceLocation(file, i + 1, unquotedBrace.Groups["brace"].Index + 1), RuleErrorCodes.YamlSyntax, "A value that starts with '{' must be quoted, or YAML reads it as a mapping; write it as \"{...}\", such as message: \"{group.name} needs an admin\".");
            }
        }

        if (message.Contains("quoted scalar", StringComparison.Ordinal))
        {
            return new RuleError(new SourceLocation(file, line, column), RuleErrorCodes.YamlSyntax, "A quoted text is never closed; add the closing quote (\" or ') at the end of the value.");
        }

        var detail = message.Contains("did not find expected", StringComparison.Ordinal) || message.Contains("found unexpected end of stream", StringComparison.Ordinal)
            ? $"The YAML is not well formed: {Trim(message)}. Check for an unclosed quote or bracket, or a line indented differently from its neighbours."
            : $"The YAML is not well formed: {Trim(message)}.";
        return new RuleError(new SourceLocation(file, line, column), RuleErrorCodes.YamlSyntax, detail);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(- )?[\w.-]+:\s*(?<brace>\{)")]
    private static partial System.Text.RegularExpressions.Regex UnquotedBraceValue();

    private static string Trim(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        var text = index >= 0 && message.StartsWith('(') ? message[(index + 3)..] : message;
        return text.TrimEnd('.');
    }
}
