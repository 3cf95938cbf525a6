/* Chinese-aware query splitting for Sphinx search (listed in html_js_files).
 *
 * The search index is built with html_search_language "zh": Sphinx cuts Chinese text into
 * words with jieba (with the course glossary as its user dictionary) and keeps English
 * words as usual. In the browser there is no jieba, and Sphinx's default splitQuery keeps a
 * Chinese phrase as one long token that is rarely an index word. searchtools.js uses a global
 * splitQuery if one exists, so we define one: English words are split as before; each run of
 * Chinese characters is cut by greedy longest match against the index's own vocabulary, so
 * 客户关系管理 finds pages indexed under 客户关系管理 or under 客户, 关系 and 管理.
 * Traditional characters (臺風, 關係, as in the sources) are first turned into the simplified
 * ones the pages use, with OpenCC's table (js/zh-t2s.js, loaded on the search page only).
 */
var splitQuery = function (query) {
  "use strict";
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  // searchtools.js declares `const Search`: a global binding, but not a property of window
  var index = typeof Search !== "undefined" && Search._index;
  var vocab = index ? Object.assign({}, index.terms || {}, index.titleterms || {}) : {};
  var t2s = typeof RELSELL_T2S !== "undefined" ? RELSELL_T2S : {};
  query = Array.from(query).map(function (ch) { return t2s[ch] || ch; }).join("");
  var out = [];
  query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).forEach(function (part) {
    if (!part) return;
    (part.match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) || []).forEach(
      function (chunk) {
        var known = Object.prototype.hasOwnProperty.call(vocab, chunk);
        if (!CJK.test(chunk) || known || !index) {
          out.push(chunk);
          return;
        }
        var i = 0;
        while (i < chunk.length) {
          var step = 1;
          for (var len = Math.min(8, chunk.length - i); len >= 2; len--) {
            if (Object.prototype.hasOwnProperty.call(vocab, chunk.substr(i, len))) {
              step = len;
              break;
            }
          }
          // single characters are not indexed (Sphinx drops one-letter words): skip them
          if (step > 1) out.push(chunk.substr(i, step));
          i += step;
        }
      }
    );
  });
  return out;
};
