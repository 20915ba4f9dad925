using System.Net;
using System.Net.Http.Headers;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>What a browser does, one step each: open a page, read its form, post it, sign in.</summary>
public static class HttpClientExtensions
{
    /// <summary>Opens a page and fails the test unless it answers 200.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}: {Shorten(body)}");
        return body;
    }

    public static async Task<HtmlForm> GetFormAsync(this HttpClient client, string url, string? handler = null) =>
        HtmlForm.Read(await client.GetPageAsync(url), url, handler);

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, HtmlForm form) =>
        client.PostAsync(form.Action, form.ToContent());

    /// <summary>A valid antiforgery token for this client's cookie and user, taken from a page it can open.</summary>
    public static async Task<string> TokenAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/");
        var page = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : "";
        // A visitor's root is the public home, which holds no form (issue 16): the sign-in page has a token for anyone.
        if (!page.Contains(HtmlForm.TokenField, StringComparison.Ordinal))
        {
            page = await client.GetPageAsync("/Account/Login");
        }
        return HtmlForm.Token(page);
    }

    /// <summary>Posts fields to a URL with a valid token, as a form on another page of the app would.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var token = await client.TokenAsync();
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>(HtmlForm.TokenField, token));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(url, content);
    }

    /// <summary>Uploads one file through a multipart form, with the form's other fields and token.</summary>
    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, HtmlForm form, string fieldName, string fileName, byte[] bytes, string claimedType) =>
        client.PostFileAsync(form.Action, form.Fields, fieldName, fileName, bytes, claimedType);

    public static async Task<HttpResponseMessage> PostFileAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string fieldName, string fileName, byte[] bytes, string claimedType)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        content.Add(file, fieldName, fileName);
        return await client.PostAsync(url, content);
    }

    /// <summary>Posts the sign-in form as a person would: open the page, fill both fields, submit.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/Account/Login" : "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await client.GetFormAsync(url);
        form.Set("Input.UserName", userName).Set("Input.Password", password);
        return await client.PostFormAsync(form);
    }

    public static string Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    public static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
