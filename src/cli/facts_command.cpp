#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "report_redaction.h"
#include "nwaudit/facts/facts_contract.h"

namespace nwaudit::cli {
namespace {

nlohmann::ordered_json attribute_json(const DeclaredAttribute& attribute) {
  const contract::Attribute& declared = *attribute.declaration;
  nlohmann::ordered_json json{{"name", declared.name},
                      {"type", contract::to_string(declared.type)},
                      {"meaning", declared.meaning},
                      {"collector", attribute.writer}};
  if (!declared.values.empty()) {
    json["values"] = std::vector<std::string_view>(declared.values.begin(), declared.values.end());
  }
  return json;
}

// The facts contract as nwaudit-facts(5) describes its JSON.
std::string contract_json() {
  nlohmann::ordered_json elements = nlohmann::ordered_json::array();
  for (const DeclaredElement& element : facts_contract().elements()) {
    nlohmann::ordered_json attributes = nlohmann::ordered_json::array();
    for (const DeclaredAttribute& attribute : element.attributes) attributes.push_back(attribute_json(attribute));
    elements.push_back({{"path", element.path},
                        {"name", element.name},
                        {"parent", element.parent.empty() ? nullptr : nlohmann::ordered_json(element.parent)},
                        {"meaning", element.meaning},
                        {"collector", element.writer},
                        {"from", element.read_from},
                        {"attributes", attributes}});
  }
  const nlohmann::ordered_json contract{{"schema", kFactsSchema}, {"elements", elements}};
  return contract.dump(2) + "\n";
}

}  // namespace

int run_facts_command(const FactsOptions& options) {
  if (options.schema) return emit(contract_json(), options.output);
  int status = exit_code::kOk;
  std::unique_ptr<Source> source = open_input_source(options.input, status);
  if (!source) return status;
  const Knowledge knowledge = load_knowledge_for(options.input);
  const std::unique_ptr<Facts> facts = collect_mac_facts(*source, knowledge, options.input.jobs);
  const int written = emit(ReportRedaction(options.redact).facts_xml(facts->to_xml()), options.output);
  if (written != exit_code::kOk) return written;
  return knowledge.problems.empty() ? exit_code::kOk : exit_code::kRuleError;
}

}  // namespace nwaudit::cli
