/**
 * Word banks for the synthetic corpus, taken from the seed article's own vocabulary
 * (its industries, phrasing and machine-translated turns) and widened the way a year
 * of such reporting widens it: more industries, outlets, companies and officials.
 */

export const industries = [
  'strategic emerging industries', 'integrated circuits', 'biomedicine', 'new energy', 'Internet of Things',
  'new power equipment', 'high-tech ships', 'offshore equipment', 'commercial aerospace', 'aviation and aerospace',
  'intelligent manufacturing equipment', 'new materials', 'artificial intelligence', 'low-altitude economy',
  'new energy vehicles', 'photovoltaics', 'lithium batteries', 'industrial robots', 'quantum technology',
  'hydrogen energy', 'biomanufacturing', 'semiconductor equipment', 'advanced computing', 'marine engineering',
  'energy conservation and environmental protection', 'digital economy', 'smart grids', 'humanoid robots',
  'cell and gene therapy', 'satellite internet', 'high-end medical devices', 'green shipping',
] as const;

export const outlets = ['CCTV', 'Xinhua', 'China Daily', 'People’s Daily', 'Global Times', 'Caixin', 'Economic Daily', 'The Paper', 'Yicai', 'CGTN'] as const;

/** Pinyin syllables: company and people names built from them grow the vocabulary with the corpus, as real news does. */
export const syllables = [
  'an', 'bao', 'bei', 'bing', 'chang', 'chen', 'da', 'dong', 'fang', 'feng', 'fu', 'gao', 'guang', 'hai', 'hao', 'he',
  'hong', 'hua', 'hui', 'jia', 'jian', 'jin', 'jing', 'kai', 'kang', 'lan', 'li', 'lian', 'long', 'mei', 'ming', 'nan',
  'ning', 'pei', 'ping', 'qi', 'qian', 'qing', 'rui', 'sheng', 'shi', 'tai', 'tian', 'tong', 'wei', 'wen', 'xin', 'xing',
  'xu', 'yang', 'yi', 'yong', 'yu', 'yuan', 'yun', 'ze', 'zhao', 'zhen', 'zheng', 'zhi', 'zhong',
] as const;

export const surnames = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'] as const;

export const companyKinds = ['Technology', 'Intelligent Manufacturing', 'Group', 'New Energy', 'Semiconductor', 'Biotech', 'Aerospace', 'Robotics', 'Materials', 'Microelectronics', 'Power'] as const;

export const facilities = ['Intelligent Manufacturing Base', 'Industrial Park', 'Innovation Center', 'Pilot Production Line', 'R&D Center', 'Gigafactory'] as const;

export const titles = ['general manager', 'chairman', 'chief engineer', 'head of research', 'deputy director of the local development and reform commission', 'a person in charge of the park'] as const;

export const machineTranslations = ['the last word in the new era', 'accompany the race', 'industrial fission effect', 'increment', 'the main front'] as const;

export const footers = ['Graphic design - Design', 'Editor in charge: Wang Yu', 'Source: CCTV News Client', 'Copyright notice: reproduction without permission is prohibited', 'Scan the QR code to follow us'] as const;

export const quarterWords = ['first', 'second', 'third', 'fourth'] as const;
export const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const numberWords = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fifteen', 'twenty'] as const;
