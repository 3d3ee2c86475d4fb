using System.Collections;
using System.Diagnostics.CodeAnalysis;
using CommunityRules.Checks;

namespace CommunityRules.Diagnostics;

/// <summary>
/// A finding's properties as one small array of the check's message values, found by a linear search: a text
/// finding has two to six, and a dictionary for them cost more than the rest of the finding. A name given twice keeps
/// its first place and its last value, as a dictionary filled in order would.
/// </summary>
internal sealed class MessageProperties : IReadOnlyDictionary<string, string>
{
    private readonly MessageArgument[] _arguments;

    private MessageProperties(MessageArgument[] arguments) => _arguments = arguments;

    public static MessageProperties From(ReadOnlySpan<MessageArgument> arguments)
    {
        var kept = new MessageArgument[arguments.Length];
        var count = 0;
        foreach (var argument in arguments)
        {
            var at = IndexOf(kept.AsSpan(0, count), argument.Name);
            if (at >= 0)
            {
                kept[at] = argument;
            }
            else
            {
                kept[count++] = argument;
            }
        }

        return new MessageProperties(count == kept.Length ? kept : kept[..count]);
    }

    public int Count => _arguments.Length;

    public IEnumerable<string> Keys => _arguments.Select(argument => argument.Name);

    public IEnumerable<string> Values => _arguments.Select(argument => argument.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The finding has no property '{key}'.");

    public bool ContainsKey(string key) => IndexOf(_arguments, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = IndexOf(_arguments, key);
        value = at >= 0 ? _arguments[at].Value : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var argument in _arguments)
        {
            yield return new(argument.Name, argument.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(ReadOnlySpan<MessageArgument> arguments, string name)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (string.Equals(arguments[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
