using CommunityRules.Checks;
using CommunityRules.Diagnostics;

namespace CommunityRules.Tests.Reporting;

public sealed class MessagePropertiesTests
{
    [Fact]
    public void Reads_and_lists_the_values_as_a_dictionary_filled_in_order_would()
    {
        MessageArgument[] arguments = [new("term", "fy"), new("match", "Fy"), new("term", "fy fan"), new("field", "text")];
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            expected[argument.Name] = argument.Value;
        }

        var properties = MessageProperties.From(arguments);

        Assert.Equal(expected.ToList(), properties.ToList());
        Assert.Equal(expected.Keys, properties.Keys);
        Assert.Equal(expected.Values, properties.Values);
        Assert.Equal(3, properties.Count);
        Assert.Equal("fy fan", properties["term"]);
        Assert.True(properties.ContainsKey("field"));
        Assert.False(properties.TryGetValue("Term", out _));
        Assert.Null(properties.GetValueOrDefault("reason"));
        Assert.Throws<KeyNotFoundException>(() => properties["reason"]);
        Assert.Empty(MessageProperties.From([]));
    }
}
