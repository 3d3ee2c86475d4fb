using System.Text;
using CommunityRules.Checks;

namespace CommunityRules.Rules;

/// <summary>A rule's message, parsed once: literal text and <c>{placeholders}</c>; <c>{{</c> and <c>}}</c> are literal braces.</summary>
internal sealed class MessageTemplate
{
    private readonly Segment[] _segments;

    private MessageTemplate(Segment[] segments) => _segments = segments;

    public IEnumerable<(string Name, int Offset)> Placeholders =>
        _segments.Where(segment => segment.IsPlaceholder).Select(segment => (segment.Text, segment.Offset));

    /// <summary>Parses a template, or says what is wrong with it and where (offset into the text).</summary>
    public static MessageTemplate? TryParse(string text, out string? error, out int errorOffset)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        error = null;
        errorOffset = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                var nextOpen = text.IndexOf('{', i + 1);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end))
                {
                    error = "a '{' is never closed; write '{{' for a literal brace";
                    errorOffset = i;
                    return null;
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), false, 0));
                    literal.Clear();
                }

                segments.Add(new Segment(text[(i + 1)..end].Trim(), true, i));
                i = end;
            }
            else if (c == '}')
            {
                error = "a '}' has no matching '{'; write '}}' for a literal brace";
                errorOffset = i;
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), false, 0));
        }

        return new MessageTemplate([.. segments]);
    }

    /// <summary>Fills the placeholders: from <paramref name="arguments"/> first, then from the entity's fields.</summary>
    /// <param name="resolveField">Reads a field by name; static, with what it needs in <paramref name="state"/>, so formatting makes no closure.</param>
    /// <param name="state">What <paramref name="resolveField"/> reads.</param>
    /// <param name="arguments">The check's values.</param>
    public string Format<TState>(Func<TState, string, string?> resolveField, TState state, ReadOnlySpan<MessageArgument> arguments)
    {
        // Built on the stack (a pooled buffer past it): only the message itself is allocated.
        var builder = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        foreach (var segment in _segments)
        {
            if (!segment.IsPlaceholder)
            {
                builder.AppendLiteral(segment.Text);
                continue;
            }

            var value = FindArgument(segment.Text, arguments) ?? resolveField(state, segment.Text);
            builder.AppendLiteral(value ?? "(none)");
        }

        return builder.ToStringAndClear();
    }

    private static string? FindArgument(string name, ReadOnlySpan<MessageArgument> arguments)
    {
        foreach (var argument in arguments)
        {
            if (string.Equals(argument.Name, name, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private readonly record struct Segment(string Text, bool IsPlaceholder, int Offset);
}
