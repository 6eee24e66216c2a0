#include "condition_syntax.h"

#include <array>
#include <utility>

namespace nwaudit {
namespace {

// pugixml's own bound on nesting (xpath_ast_depth_limit): anything it compiled fits.
constexpr std::size_t kDeepestNesting = 1024;

enum class Token {
  end, name, literal, number, variable, slash, double_slash, dot, double_dot, at, double_colon,
  open_paren, close_paren, open_bracket, close_bracket, comma, star, pipe, plus, minus,
  equal, not_equal, less, less_equal, greater, greater_equal,
};

struct Lexeme {
  Token token = Token::end;
  std::string_view text;  // a name, a literal's content, a number
};

bool starts_name(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 128;
}
bool continues_name(char c) { return starts_name(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The condition cut into lexemes as pugixml's lexer cuts it; nothing when one is invalid.
std::optional<std::vector<Lexeme>> lex(std::string_view text) {
  std::vector<Lexeme> lexemes;
  std::size_t at = 0;
  const auto next_is = [&](char c) { return at + 1 < text.size() && text[at + 1] == c; };
  const auto take = [&](Token token, std::size_t length) {
    lexemes.push_back({token, text.substr(at, length)});
    at += length;
  };
  while (true) {
    while (at < text.size() && is_space(text[at])) ++at;
    if (at == text.size()) break;
    const char c = text[at];
    const std::size_t start = at;
    switch (c) {
      case '>': next_is('=') ? take(Token::greater_equal, 2) : take(Token::greater, 1); continue;
      case '<': next_is('=') ? take(Token::less_equal, 2) : take(Token::less, 1); continue;
      case '!': if (!next_is('=')) return std::nullopt; take(Token::not_equal, 2); continue;
      case '=': take(Token::equal, 1); continue;
      case '+': take(Token::plus, 1); continue;
      case '-': take(Token::minus, 1); continue;
      case '*': take(Token::star, 1); continue;
      case '|': take(Token::pipe, 1); continue;
      case '(': take(Token::open_paren, 1); continue;
      case ')': take(Token::close_paren, 1); continue;
      case '[': take(Token::open_bracket, 1); continue;
      case ']': take(Token::close_bracket, 1); continue;
      case ',': take(Token::comma, 1); continue;
      case '@': take(Token::at, 1); continue;
      case '/': next_is('/') ? take(Token::double_slash, 2) : take(Token::slash, 1); continue;
      case ':': if (!next_is(':')) return std::nullopt; take(Token::double_colon, 2); continue;
      case '$': return std::nullopt;  // no variables are ever bound, so pugixml refuses them
      case '"':
      case '\'': {
        const std::size_t close = text.find(c, at + 1);
        if (close == std::string_view::npos) return std::nullopt;
        lexemes.push_back({Token::literal, text.substr(at + 1, close - at - 1)});
        at = close + 1;
        continue;
      }
      default: break;
    }
    if (c == '.' && next_is('.')) {
      take(Token::double_dot, 2);
    } else if (is_digit(c) || (c == '.' && at + 1 < text.size() && is_digit(text[at + 1]))) {
      while (at < text.size() && is_digit(text[at])) ++at;
      if (at < text.size() && text[at] == '.') ++at;
      while (at < text.size() && is_digit(text[at])) ++at;
      lexemes.push_back({Token::number, text.substr(start, at - start)});
    } else if (c == '.') {
      take(Token::dot, 1);
    } else if (starts_name(c)) {
      while (at < text.size() && continues_name(text[at])) ++at;
      if (at + 1 < text.size() && text[at] == ':' && text[at + 1] == '*') {
        at += 2;
      } else if (at + 1 < text.size() && text[at] == ':' && continues_name(text[at + 1])) {
        ++at;
        while (at < text.size() && continues_name(text[at])) ++at;
      }
      lexemes.push_back({Token::name, text.substr(start, at - start)});
    } else {
      return std::nullopt;
    }
  }
  lexemes.push_back({Token::end, {}});
  return lexemes;
}

constexpr std::array<std::pair<std::string_view, ValueType>, 27> kFunctions{{
    {"last", ValueType::number}, {"position", ValueType::number}, {"count", ValueType::number},
    {"id", ValueType::node_set}, {"local-name", ValueType::string}, {"namespace-uri", ValueType::string},
    {"name", ValueType::string}, {"string", ValueType::string}, {"concat", ValueType::string},
    {"starts-with", ValueType::boolean}, {"contains", ValueType::boolean}, {"substring-before", ValueType::string},
    {"substring-after", ValueType::string}, {"substring", ValueType::string}, {"string-length", ValueType::number},
    {"normalize-space", ValueType::string}, {"translate", ValueType::string}, {"boolean", ValueType::boolean},
    {"not", ValueType::boolean}, {"true", ValueType::boolean}, {"false", ValueType::boolean},
    {"lang", ValueType::boolean}, {"number", ValueType::number}, {"sum", ValueType::number},
    {"floor", ValueType::number}, {"ceiling", ValueType::number}, {"round", ValueType::number},
}};

constexpr std::array<std::pair<std::string_view, Axis>, 13> kAxes{{
    {"ancestor", Axis::ancestor}, {"ancestor-or-self", Axis::ancestor_or_self}, {"attribute", Axis::attribute},
    {"child", Axis::child}, {"descendant", Axis::descendant}, {"descendant-or-self", Axis::descendant_or_self},
    {"following", Axis::following}, {"following-sibling", Axis::following_sibling},
    {"namespace", Axis::namespace_}, {"parent", Axis::parent}, {"preceding", Axis::preceding},
    {"preceding-sibling", Axis::preceding_sibling}, {"self", Axis::self},
}};

constexpr std::array<std::pair<std::string_view, NodeTest>, 4> kNodeTypes{{
    {"node", NodeTest::node}, {"text", NodeTest::text}, {"comment", NodeTest::other},
    {"processing-instruction", NodeTest::other},
}};

template <class Value, std::size_t N>
std::optional<Value> lookup(const std::array<std::pair<std::string_view, Value>, N>& table, std::string_view name) {
  for (const auto& [key, value] : table) {
    if (key == name) return value;
  }
  return std::nullopt;
}

Step step_of(Axis axis, NodeTest test) {
  Step step;
  step.axis = axis;
  step.test = test;
  return step;
}

// Recursive descent over the lexemes, following pugixml's parser (xpath_parser) rule for
// rule; any failure unwinds as nullopt.
class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

  std::optional<Expression> whole() {
    auto expression = expression_at(0);
    if (!expression || current() != Token::end) return std::nullopt;
    return expression;
  }

 private:
  Token current() const { return lexemes_[at_].token; }
  Token following() const { return at_ + 1 < lexemes_.size() ? lexemes_[at_ + 1].token : Token::end; }
  std::string_view text() const { return lexemes_[at_].text; }
  bool accept(Token token) {
    if (current() != token) return false;
    ++at_;
    return true;
  }

  // The binary operator at the cursor and its precedence (pugixml's binary_op_t), 0 when none.
  int precedence() const {
    switch (current()) {
      case Token::name:
        if (text() == "or") return 1;
        if (text() == "and") return 2;
        return text() == "div" || text() == "mod" ? 6 : 0;
      case Token::equal: case Token::not_equal: return 3;
      case Token::less: case Token::less_equal: case Token::greater: case Token::greater_equal: return 4;
      case Token::plus: case Token::minus: return 5;
      case Token::star: return 6;
      case Token::pipe: return 7;
      default: return 0;
    }
  }

  std::optional<Expression> expression_at(int limit) {
    if (++depth_ > kDeepestNesting) return std::nullopt;
    auto left = path_or_unary();
    if (left) left = operations(std::move(*left), limit);
    --depth_;
    return left;
  }

  std::optional<Expression> operations(Expression left, int limit) {
    for (int op = precedence(); op != 0 && op >= limit; op = precedence()) {
      const std::string name(text());
      ++at_;
      auto right = path_or_unary();
      if (!right) return std::nullopt;
      for (int next = precedence(); next > op; next = precedence()) {
        right = operations(std::move(*right), next);
        if (!right) return std::nullopt;
      }
      Expression operation;
      operation.kind = Expression::Kind::operation;
      operation.text = name;
      operation.type = op == 7 ? ValueType::node_set : op >= 5 ? ValueType::number : ValueType::boolean;
      operation.operands.push_back(std::move(left));
      operation.operands.push_back(std::move(*right));
      left = std::move(operation);
    }
    return left;
  }

  // The functions on the way down a nesting (an operand, a parenthesis, a predicate, an
  // argument) keep few locals, and build expressions in helpers: conditions may nest as deep
  // as pugixml allows, even in sanitizer builds, whose stack frames are large.
  std::optional<Expression> path_or_unary() {
    if (current() == Token::minus) return negations();
    const bool primary = current() == Token::open_paren || current() == Token::literal ||
                         current() == Token::number ||
                         (current() == Token::name && following() == Token::open_paren && !lookup(kNodeTypes, text()));
    if (!primary) return location_path();
    auto filtered = filter_expression();
    if (!filtered || (current() != Token::slash && current() != Token::double_slash)) return filtered;
    return steps_after(std::move(*filtered));
  }

  // -x, - -x, ...: pugixml reads each '-' as negating a union expression (precedence 7), so
  // the innermost operand takes any unions and the others are bare negations.
  std::optional<Expression> negations() {
    std::size_t count = 0;
    while (accept(Token::minus)) ++count;
    auto operand = expression_at(7);
    for (; operand && count > 0; --count) {
      Expression negation;
      negation.kind = Expression::Kind::negation;
      negation.type = ValueType::number;
      negation.operands.push_back(std::move(*operand));
      operand = std::move(negation);
    }
    return operand;
  }

  // A filter expression followed by / or //: a path from its nodes.
  std::optional<Expression> steps_after(Expression filtered) {
    Expression path;
    if (filtered.kind == Expression::Kind::path && filtered.start == Expression::PathStart::operand &&
        filtered.steps.empty()) {
      path = std::move(filtered);
    } else {
      path = operand_path(std::move(filtered));
    }
    if (!more_steps(path)) return std::nullopt;
    return path;
  }

  static Expression operand_path(Expression operand) {
    Expression path;
    path.kind = Expression::Kind::path;
    path.type = ValueType::node_set;
    path.start = Expression::PathStart::operand;
    path.operands.push_back(std::move(operand));
    return path;
  }

  std::optional<Expression> filter_expression() {
    auto primary = primary_expression();
    if (!primary || current() != Token::open_bracket) return primary;
    return filtered(operand_path(std::move(*primary)));
  }

  std::optional<Expression> filtered(Expression path) {
    if (!predicates(path.filters)) return std::nullopt;
    return path;
  }

  std::optional<Expression> primary_expression() {
    switch (current()) {
      case Token::open_paren: return parenthesized();
      case Token::literal: case Token::number: return constant();
      default: return function_call();
    }
  }

  std::optional<Expression> parenthesized() {
    ++at_;
    auto inner = expression_at(0);
    if (!inner || !accept(Token::close_paren)) return std::nullopt;
    return inner;
  }

  Expression constant() {
    Expression constant;
    constant.kind = current() == Token::literal ? Expression::Kind::literal : Expression::Kind::number;
    constant.type = current() == Token::literal ? ValueType::string : ValueType::number;
    constant.text = text();
    ++at_;
    return constant;
  }

  std::optional<Expression> function_call() {
    const auto type = lookup(kFunctions, text());
    if (!type) return std::nullopt;
    Expression call;
    call.kind = Expression::Kind::function;
    call.type = *type;
    call.text = text();
    at_ += 2;  // the name and '('
    while (!accept(Token::close_paren)) {
      if (!call.operands.empty() && !accept(Token::comma)) return std::nullopt;
      auto argument = expression_at(0);
      if (!argument) return std::nullopt;
      call.operands.push_back(std::move(*argument));
    }
    return call;
  }

  std::optional<Expression> location_path() {
    Expression path;
    path.kind = Expression::Kind::path;
    path.type = ValueType::node_set;
    if (accept(Token::slash)) {
      path.start = Expression::PathStart::root;
      const Token next = current();
      const bool has_steps = next == Token::name || next == Token::at || next == Token::dot ||
                             next == Token::double_dot || next == Token::star;
      if (has_steps && !steps(path)) return std::nullopt;
      return path;
    }
    if (accept(Token::double_slash)) {
      path.start = Expression::PathStart::root;
      path.steps.push_back(step_of(Axis::descendant_or_self, NodeTest::node));
    }
    if (!steps(path)) return std::nullopt;
    return path;
  }

  // RelativeLocationPath: a step, then more after each / or //.
  bool steps(Expression& path) {
    auto first = step();
    if (!first) return false;
    path.steps.push_back(std::move(*first));
    return more_steps(path);
  }

  bool more_steps(Expression& path) {
    while (current() == Token::slash || current() == Token::double_slash) {
      if (current() == Token::double_slash) path.steps.push_back(step_of(Axis::descendant_or_self, NodeTest::node));
      ++at_;
      auto next = step();
      if (!next) return false;
      path.steps.push_back(std::move(*next));
    }
    return true;
  }

  std::optional<Step> step() {
    if (current() == Token::dot || current() == Token::double_dot) {
      const Axis axis = current() == Token::dot ? Axis::self : Axis::parent;
      ++at_;
      if (current() == Token::open_bracket) return std::nullopt;
      return step_of(axis, NodeTest::node);
    }
    Step step;
    const bool attribute = accept(Token::at);
    if (attribute) step.axis = Axis::attribute;
    if (accept(Token::star)) {
      step.test = NodeTest::any_name;
    } else if (current() == Token::name) {
      std::string_view name = text();
      ++at_;
      bool tested = false;
      if (accept(Token::double_colon)) {
        const auto axis = lookup(kAxes, name);
        if (attribute || !axis) return std::nullopt;
        step.axis = *axis;
        if (accept(Token::star)) {
          step.test = NodeTest::any_name;
          tested = true;
        } else if (current() == Token::name) {
          name = text();
          ++at_;
        } else {
          return std::nullopt;
        }
      }
      if (!tested && !node_test(step, name)) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (!predicates(step.predicates)) return std::nullopt;
    return step;
  }

  // What follows a name in a step: a node type's (), processing-instruction('x'), or nothing.
  bool node_test(Step& step, std::string_view name) {
    if (accept(Token::open_paren)) {
      if (accept(Token::close_paren)) {
        const auto type = lookup(kNodeTypes, name);
        if (!type) return false;
        step.test = *type;
        return true;
      }
      step.test = NodeTest::other;
      return name == "processing-instruction" && accept(Token::literal) && accept(Token::close_paren);
    }
    const bool any = name.size() > 2 && name.substr(name.size() - 2) == ":*";
    step.test = any ? NodeTest::any_name : NodeTest::name;
    if (!any) step.name = name;
    return true;
  }

  bool predicates(std::vector<Expression>& into) {
    while (accept(Token::open_bracket)) {
      auto predicate = expression_at(0);
      if (!predicate || !accept(Token::close_bracket)) return false;
      into.push_back(std::move(*predicate));
    }
    return true;
  }

  std::vector<Lexeme> lexemes_;
  std::size_t at_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

std::optional<Expression> parse_condition(std::string_view condition) {
  // pugixml reads the condition as a C string.
  auto lexemes = lex(condition.substr(0, condition.find('\0')));
  if (!lexemes) return std::nullopt;
  return Parser(std::move(*lexemes)).whole();
}

}  // namespace nwaudit
