using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>A program calling the API with a personal access token made through the tokens page, as a person would make it.</summary>
public static partial class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Makes a token on the tokens page of the signed-in <paramref name="person"/> and returns it as it is shown once.</summary>
    public static async Task<string> MakeTokenAsync(HttpClient person, string name = "Cổng dữ liệu tỉnh", int days = 30)
    {
        var form = (await person.GetFormAsync("/Tokens", handler: "Create")).Set("Name", name).Set("Days", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await person.PostFormAsync(form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var page = await person.GetPageAsync(response.Headers.Location!.OriginalString);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "The tokens page shows no new token: " + HttpClientExtensions.Shorten(Html.Text(page)));
        return token.Value;
    }

    /// <summary>A client without cookies that sends the token on every request.</summary>
    public static HttpClient WithToken(AppFixture app, string token)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    /// <summary>The field errors of a validation problem, by JSON field name.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.Ordinal)
            : [];
    }

    [GeneratedRegex(@"ocop_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();
}
