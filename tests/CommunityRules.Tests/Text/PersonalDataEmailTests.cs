using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

/// <summary>Role mailboxes and the organisation's own domains (<c>roleMailboxes</c>, <c>ignoreEmailDomains</c>).</summary>
public sealed class PersonalDataEmailTests
{
    private static IReadOnlyList<string> Reported(string text, string options = "")
    {
        var yaml = $$"""
            rules:
              - id: PII-MAIL
                title: No private addresses
                category: privacy
                target: post
                check: personalData
                options: { detectors: [email]{{options}} }
                message: "{value}"
            """;
        var loaded = TestInputs.CreateLoader().LoadText(yaml, "mail.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return [.. new PostChecker(loaded.RuleSet!).Check(new Post { Id = "p", GroupId = "g", Text = text }).Select(finding => finding.Properties["value"])];
    }

    private static IReadOnlyList<string> Errors(string options)
    {
        var yaml = $$"""
            rules:
              - id: PII-MAIL
                title: No private addresses
                target: post
                check: personalData
                options: { {{options}} }
                message: "{value}"
            """;
        return [.. TestInputs.CreateLoader().LoadText(yaml, "mail.yaml").Errors.Select(error => error.ToString())];
    }

    [Theory]
    [InlineData("info@example.com")]
    [InlineData("Support@Example.com")]
    [InlineData("noreply@example.com")]
    [InlineData("no-reply@example.com")]
    [InlineData("no_reply@example.com")]
    [InlineData("kundtjänst@example.se")]
    [InlineData("KUNDSERVICE@example.dk")]
    [InlineData("asiakaspalvelu@example.fi")]
    [InlineData("myynti@example.fi")]
    [InlineData("salg@example.no")]
    [InlineData("support-se@example.com")]
    [InlineData("info.dk@example.com")]
    [InlineData("fi-helpdesk@example.com")]
    [InlineData("hr_nordic@example.com")]
    public void Role_mailboxes_are_not_reported(string address) => Assert.Empty(Reported($"Skriv till {address} i dag."));

    [Theory]
    [InlineData("it.anna@example.com", "i***@example.com")] // a person next to a role word
    [InlineData("support-anna@example.com", "s***@example.com")]
    [InlineData("infoanna@example.com", "i***@example.com")]
    [InlineData("anna.support@example.com", "a***@example.com")]
    [InlineData("hr-se-anna@example.com", "h***@example.com")]
    public void Addresses_that_only_contain_a_role_word_are_reported(string address, string masked) =>
        Assert.Equal([masked], Reported($"Skriv till {address} i dag."));

    [Fact]
    public void Role_mailboxes_of_the_rule_add_to_the_built_in_ones()
    {
        const string Text = "Mejla lonekontoret@nordvik.se, Löne-Kontoret@nordvik.se eller info@nordvik.se.";
        Assert.Equal(["l***@nordvik.se", "L***@nordvik.se"], Reported(Text));
        Assert.Empty(Reported(Text, ", roleMailboxes: [lonekontoret, löne-kontoret]"));
    }

    [Fact]
    public void Own_domains_and_their_subdomains_are_ignored_and_private_addresses_are_not()
    {
        const string Text = "anna.berg@nordvik.se, john@uk.NORDVIK.com, kari@nordvik.no, anna.berg@gmail.com, ola@hotmail.com, " +
            "lisa@outlook.com, per@nordvik-mail.com, eva@nordvik.se.example.net, mats@xn--nrdvik-wxa.se";
        Assert.Equal(
            ["a***@gmail.com", "o***@hotmail.com", "l***@outlook.com", "p***@nordvik-mail.com", "e***@nordvik.se.example.net"],
            Reported(Text, ", ignoreEmailDomains: [nordvik.se, nordvik.com, NORDVIK.no, nördvik.se]"));
    }

    [Fact]
    public void Rules_with_different_email_options_each_see_their_own()
    {
        var loaded = TestInputs.CreateLoader().LoadText("""
            rules:
              - id: STRICT
                title: No addresses at all
                target: post
                check: personalData
                options: { detectors: [email] }
                message: "{value}"
              - id: LENIENT
                title: No private addresses
                target: post
                check: personalData
                options: { ignoreEmailDomains: [nordvik.se] }
                message: "{value}"
            """, "two.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));

        var findings = new PostChecker(loaded.RuleSet!).Check(new Post { Id = "p", GroupId = "g", Text = "anna.berg@nordvik.se eller anna@gmail.com" });

        Assert.Equal(
            ["LENIENT a***@gmail.com", "STRICT a***@gmail.com", "STRICT a***@nordvik.se"],
            findings.Select(finding => $"{finding.Rule.Id} {finding.Properties["value"]}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ignoreEmailDomains: [anna.berg@nordvik.se]", "write 'nordvik.se' instead")]
    [InlineData("ignoreEmailDomains: ['https://www.nordvik.se/']", "write 'www.nordvik.se' instead")]
    [InlineData("ignoreEmailDomains: ['nordvik se']", "contains a space")]
    [InlineData("ignoreEmailDomains: []", "The list 'ignoreEmailDomains' is empty")]
    [InlineData("roleMailboxes: [lonekontoret@nordvik.se]", "write 'lonekontoret' instead")]
    [InlineData("roleMailboxes: ['löne kontoret']", "is not the local part of an address")]
    public void Bad_option_values_are_located_errors_with_a_fix(string options, string expected)
    {
        var error = Assert.Single(Errors(options));
        Assert.Contains("CR1014", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
