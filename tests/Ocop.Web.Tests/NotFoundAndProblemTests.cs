using System.Net;
using System.Text.Json;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>Unknown ids answer 404; the API answers every error as problem details (RFC 9457), never a 500.</summary>
public class NotFoundAndProblemTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/Products/Details/999999")]
    [InlineData("/Products/Edit/999999")]
    [InlineData("/Products/Photo/999999")]
    [InlineData("/Subjects/Details/999999")]
    [InlineData("/Subjects/Edit/999999")]
    [InlineData("/CraftVillages/Edit/999999")]
    [InlineData("/Taxonomy/Edit/999999")]
    [InlineData("/History/Product/999999")]
    [InlineData("/History/Subject/999999")]
    [InlineData("/History/Nothing/1")]
    [InlineData("/Admin/Users/Edit/no-such-user")]
    [InlineData("/Products/Details/abc")]
    [InlineData("/No/Such/Page")]
    public async Task Unknown_ids_and_pages_answer_404_with_a_vietnamese_page(string url)
    {
        var client = await app.As(Demo.Admin);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/Products/Edit/999999")]
    [InlineData("POST", "/Products/Details/999999?handler=Archive")]
    [InlineData("POST", "/Subjects/Edit/999999")]
    [InlineData("POST", "/Subjects/Details/999999?handler=Archive")]
    [InlineData("POST", "/Taxonomy/Edit/999999")]
    public async Task Posting_to_an_unknown_id_answers_404_and_writes_nothing(string method, string url)
    {
        Assert.Equal("POST", method);
        var client = await app.As(Demo.Admin);
        var before = await app.CountsAsync();
        using var response = await client.PostWithTokenAsync(url, ("version", "0"), ("Input.Name", "Tên"), ("Input.LegalBasis", "QĐ 148"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/products/999999", 404)]
    [InlineData("/api/v1/products/-1", 404)]
    [InlineData("/api/v1/products/abc", 404)]
    [InlineData("/api/v1/nothing", 404)]
    [InlineData("/api/v1/products?status=Bogus", 400)]
    [InlineData("/api/v1/products?page=abc", 400)]
    [InlineData("/api/v1/products?commune=x", 400)]
    [InlineData("/api/v1/products?pageSize=1e3", 400)]
    [InlineData("/api/v1/subjects?form=Bogus", 400)]
    [InlineData("/api/v1/subjects?archived=maybe", 400)]
    [InlineData("/api/v1/subjects?page=99999999999", 400)]
    public async Task Api_errors_are_problem_details_with_the_status(string url, int status)
    {
        var client = await app.As(Demo.ProgramOffice);
        using var response = await client.GetAsync(url);
        await AssertProblemAsync(response, status);
    }

    [Theory]
    [InlineData("/api/v1/products?page=0")]
    [InlineData("/api/v1/products?page=-5&pageSize=-5")]
    [InlineData("/api/v1/products?pageSize=100000")]
    [InlineData("/api/v1/products?sort=nonsense")]
    [InlineData("/api/v1/products?q=%25%25%25_%5C'%22;--")]
    [InlineData("/api/v1/products?q=")]
    [InlineData("/api/v1/products?commune=999999&group=999999&subject=999999")]
    [InlineData("/api/v1/products?page=2147483647")]
    [InlineData("/api/v1/subjects?page=2147483647&pageSize=100")]
    [InlineData("/api/v1/subjects?q=%F0%9F%8D%9A")]
    public async Task Odd_but_well_formed_api_queries_answer_a_page_never_an_error(string url)
    {
        var client = await app.As(Demo.ProgramOffice);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {HttpClientExtensions.Shorten(body)}");
        using var document = JsonDocument.Parse(body);
        Assert.InRange(document.RootElement.GetProperty("pageSize").GetInt32(), 1, 100);
        Assert.True(document.RootElement.GetProperty("page").GetInt32() >= 1);
    }

    [Fact]
    public async Task Api_without_sign_in_answers_401_problem_details_not_a_redirect()
    {
        using var response = await app.NewClient().GetAsync("/api/v1/products");
        await AssertProblemAsync(response, 401);
    }

    [Fact]
    public async Task Api_writes_need_a_token_401_and_an_unmapped_method_answers_405_problem_details()
    {
        // The browser's session reads the API but never writes through it (docs/api.md): a write asks for a token.
        var client = await app.As(Demo.Admin);
        using var content = new StringContent("""{"name":"Sản phẩm qua API"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/products", content);
        await AssertProblemAsync(response, 401);
        using var delete = await client.DeleteAsync("/api/v1/units");
        await AssertProblemAsync(delete, 405);
    }

    [Fact]
    public async Task A_known_product_answers_its_detail_as_json()
    {
        var client = await app.As(Demo.Leader);
        var id = await app.ProductIdAsync(Demo.BanhTetLaCam);
        using var response = await client.GetAsync($"/api/v1/products/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal((id, Demo.BanhTetLaCam, "Ranked", Demo.BaNam, Demo.DaLoc),
            (root.GetProperty("id").GetInt32(), root.GetProperty("name").GetString(), root.GetProperty("status").GetString(),
             root.GetProperty("subjectName").GetString(), root.GetProperty("communeCode").GetString()));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {HttpClientExtensions.Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
    }
}
