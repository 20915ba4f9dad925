using System.Net;
using System.Text.Json;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

public class HealthAndOpenApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_answers_200_to_anyone_while_the_database_is_reachable()
    {
        using var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_is_unreachable()
    {
        var folder = Directory.CreateTempSubdirectory("ocop-web-tests-down-").FullName;
        try
        {
            var (provider, connection) = TestDatabase.Unreachable(folder);
            await using var down = new OcopWebFactory(provider, connection, folder);
            using var client = down.CreateClient();
            using var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task OpenApi_document_is_public_and_lists_every_api_path()
    {
        using var response = await app.NewClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/products", paths);
        Assert.Contains("/api/v1/products/{id}", paths);
        Assert.Contains("/api/v1/subjects", paths);
        Assert.Contains("/api/v1/plans", paths);
        Assert.Contains("/api/v1/plans/{id}/targets", paths);
        Assert.True(document.RootElement.GetProperty("paths").GetProperty("/api/v1/products").TryGetProperty("get", out _));
    }
}
