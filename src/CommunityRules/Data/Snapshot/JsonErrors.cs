using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Turns System.Text.Json's exceptions into plain words about the record's fields, with a column: never a .NET type
/// name, and a value from the data only masked and cut short (<see cref="EchoedValue"/>).
/// </summary>
internal static class JsonErrors
{
    private const string ConversionPrefix = "The JSON value could not be converted to ";

    public static string Describe(JsonException exception) => Safe(DescribeCore(exception));

    private static string DescribeCore(JsonException exception)
    {
        var field = exception.Path is { Length: > 1 } jsonPath ? jsonPath.TrimStart('$', '.') : null;
        if (exception is SnapshotValueException && field is not null)
        {
            return $"'{field}' {exception.Message}";
        }

        var message = exception.Message;
        var pathIndex = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathIndex > 0)
        {
            message = message[..pathIndex];
        }

        message = message.TrimEnd('.');
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var namesIndex = message.IndexOf("including:", StringComparison.Ordinal);
            var names = namesIndex > 0 ? message[(namesIndex + "including:".Length)..].Trim() : "?";
            return $"missing required field {names}";
        }

        if (message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            return field is not null
                ? $"'{field}' appears more than once in the record; write each field once"
                : "a field appears more than once in the record; write each field once";
        }

        if (message.StartsWith(ConversionPrefix, StringComparison.Ordinal))
        {
            // Name the kind of value wanted in the words of the format, not .NET's type names.
            return field is not null
                ? $"'{field}' should be {Expected(message[ConversionPrefix.Length..])}"
                : "the line is not a record: each line holds one JSON object, such as {\"id\": \"p1\"}";
        }

        var where = field is not null ? $" at '{field}'" : string.Empty;
        var column = exception.BytePositionInLine is { } position ? $" (column {position + 1})" : string.Empty;
        if (message.Contains("System.", StringComparison.Ordinal) || message.Contains("CommunityRules.", StringComparison.Ordinal))
        {
            message = "the value is not of the kind the field holds";
        }

        // The reader quotes the bad token first ("'tru19121212-1212}' is an invalid JSON literal"): it is data, shown safely.
        var quoteEnd = message.StartsWith('\'') ? message.IndexOf("' ", 1, StringComparison.Ordinal) : -1;
        if (quoteEnd > 0)
        {
            message = $"'{EchoedValue.Show(message[1..quoteEnd])}{message[quoteEnd..]}";
        }

        return $"invalid record{where}{column}: {message}";
    }

    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.Contains("GroupPrivacy", StringComparison.Ordinal) => "open, closed or secret",
        _ when typeName.Contains("MembershipRole", StringComparison.Ordinal) => "admin or member",
        _ when typeName.Contains("PostType", StringComparison.Ordinal) => "post, question, announcement or poll",
        _ when typeName.Contains("PersonKind", StringComparison.Ordinal) => "person, bot or system",
        _ when typeName.Contains("DateTimeOffset", StringComparison.Ordinal) => UtcDateTimeOffsetConverter.Expected,
        _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list of text, such as [\"a\", \"b\"]",
        _ when typeName.Contains("String", StringComparison.Ordinal) => "text",
        _ when typeName.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ => "a value of another kind",
    };

    // System.Text.Json quotes a character of the line in syntax errors: a control character is shown as an escape.
    private static string Safe(string message)
    {
        if (!message.AsSpan().ContainsAnyInRange('\0', '\u001f') && !message.Contains('\u007f', StringComparison.Ordinal))
        {
            return message;
        }

        var safe = new StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            _ = char.IsControl(c) ? safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : safe.Append(c);
        }

        return safe.ToString();
    }
}
