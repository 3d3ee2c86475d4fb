namespace CommunityRules.Rules;

/// <summary>The stable codes of rule-file errors; <c>docs/errors.md</c> explains each with an example and its fix.</summary>
internal static class RuleErrorCodes
{
    public const string YamlSyntax = "CR1001";
    public const string DuplicateKey = "CR1002";
    public const string UnknownKey = "CR1003";
    public const string WrongType = "CR1004";
    public const string MissingField = "CR1005";
    public const string InvalidValue = "CR1006";
    public const string DuplicateRuleId = "CR1007";
    public const string UnknownCheck = "CR1008";
    public const string UnknownOption = "CR1009";
    public const string InvalidRegex = "CR1010";
    public const string UnknownPlaceholder = "CR1011";
    public const string InvalidSeverity = "CR1012";
    public const string MissingJustification = "CR1013";
    public const string InvalidOption = "CR1014";
    public const string FileNotFound = "CR1015";
    public const string UnsupportedTarget = "CR1016";
    public const string InvalidDate = "CR1017";
    public const string UnknownProfile = "CR1018";
    public const string UnsupportedYaml = "CR1019";
    public const string UnknownField = "CR1020";
    public const string TooLarge = "CR1021";
    public const string UnknownRule = "CR1022";
    public const string InvalidMessage = "CR1023";
    public const string UnreadableFile = "CR1024";
    public const string InvalidEncoding = "CR1025";
    public const string NoRules = "CR1026";
    public const string ExampleFailed = "CR2001";
}
