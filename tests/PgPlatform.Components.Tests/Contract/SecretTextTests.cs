using PgPlatform.Components.Contract;

namespace PgPlatform.Components.Tests.Contract;

public sealed class SecretTextTests
{
    [Theory]
    [InlineData("LD_DB_HOST=postgres://linkding:hunter2@db-ro.svc/linkding", "LD_DB_HOST=postgres://linkding:***@db-ro.svc/linkding")]
    [InlineData("url https://user:p%40ss@example.com/x and more", "url https://user:***@example.com/x and more")]
    [InlineData("host=db password=hunter2 dbname=x", "host=db password=*** dbname=x")]
    [InlineData("Server=db;User Id=app;Pwd=hunter2;", "Server=db;User Id=app;Pwd=***;")]
    [InlineData("API_TOKEN=abc123 is set", "API_TOKEN=*** is set")]
    [InlineData("https://st.blob.core.windows.net/c?sv=2024&sig=abc%2F123&se=x", "https://st.blob.core.windows.net/c?sv=2024&sig=***&se=x")]
    [InlineData("AccountName=st;AccountKey=a+b/c==;EndpointSuffix=core.windows.net", "AccountName=st;AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("value 'django_secret_key=xyz'", "value 'django_secret_key=***'")]
    public void SecretLookingValuesAreMasked(string text, string redacted) => Assert.Equal(redacted, SecretText.Redact(text));

    [Theory]
    [InlineData("use shop-db-rw.shop-production.svc")]
    [InlineData("postgres://shop:$(DB_PASSWORD)@shop-db-rw/shop")]
    [InlineData("PGPASSWORD=$(DB_PASSWORD)")]
    [InlineData("DB_HOST=shop-db-ro.shop.svc points at the -ro service")]
    [InlineData("set LD_DB_PASSWORD with valueFrom.secretKeyRef")]
    [InlineData("spec.template.spec.containers[0].env[1].value")]
    public void TextWithoutSecretsIsUnchanged(string text) => Assert.Equal(text, SecretText.Redact(text));

    [Fact]
    public void AViolationIsRedactedWhenItIsMade()
    {
        var manifest = new Manifest(new System.Text.Json.Nodes.JsonObject { ["kind"] = "Deployment" }, "x.yaml", 1);
        var violation = new Violation("PGP014", "t", manifest, "env[0]", "DB_HOST=postgres://u:hunter2@h", "Fix with TOKEN=hunter2");

        Assert.DoesNotContain("hunter2", violation.ToString());
        Assert.DoesNotContain("hunter2", violation.Message + violation.Fix + violation.Field);
    }
}
